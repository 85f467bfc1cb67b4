package app.thaw.base.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests another site started in the user's browser (login CSRF among them: Vaadin's
 * login form posts without Spring's token). Browsers say where a request comes from in {@code Sec-Fetch-Site}
 * and {@code Origin}; a POST from another site, or with an Origin naming another host, gets 403 before it is read.
 * Tools without a browser send neither and are not a forgery risk.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) || sameSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("This request came from another site and was refused.\n");
    }

    /**
     * Sec-Fetch-Site, where the browser sends it, decides. Otherwise a named Origin must be this host. "Origin: null"
     * says nothing: browsers send it for same-origin form posts under Referrer-Policy: no-referrer, which Thaw uses.
     */
    static boolean sameSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.strip().equals("null")) {
            return true;
        }
        try {
            String host = URI.create(origin.strip()).getHost();
            return host != null && request.getServerName() != null && host.equalsIgnoreCase(request.getServerName());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
