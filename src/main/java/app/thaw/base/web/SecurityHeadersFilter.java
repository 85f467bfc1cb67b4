package app.thaw.base.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes the security headers on every response before anything else runs, so error pages, JSON, redirects and
 * Vaadin's own responses all carry them. Everything but the public static files is {@code no-store}: staff pages
 * and clients' private links must never sit in a shared cache or the browser's back-forward cache; later attempts
 * by the framework to allow caching are ignored.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

    /** Fingerprinted or public files: safe to cache, and caching them keeps pages fast. */
    private static final List<String> CACHEABLE = List.of("/VAADIN/build/", "/VAADIN/static/", "/icons/", "/lumo/",
            "/styles/", "/csp/", "/offline.html", "/manifest.webmanifest", "/sw.js", "/sw-runtime-resources-precache.js",
            "/favicon.ico");

    private static final String NO_STORE = "no-store";

    private final ContentSecurityPolicy csp;

    SecurityHeadersFilter(ContentSecurityPolicy csp) {
        this.csp = csp;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        write(request, response, csp);
        boolean cacheable = isCacheable(request);
        if (!cacheable) {
            response.setHeader("Cache-Control", NO_STORE);
            response.setHeader("Pragma", "no-cache");
            response.setHeader("Expires", "0");
        }
        chain.doFilter(request, cacheable ? response : new NoStoreResponse(request, response));
    }

    /** The headers themselves; also written by {@link SecurityHeadersValve} on answers Tomcat gives by itself. */
    static void write(HttpServletRequest request, HttpServletResponse response, ContentSecurityPolicy csp) {
        headers(request, csp).forEach(response::setHeader);
    }

    static java.util.Map<String, String> headers(HttpServletRequest request, ContentSecurityPolicy csp) {
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("Content-Security-Policy", csp.policy(null));
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        if (request.isSecure()) {
            headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        return headers;
    }

    static boolean isCacheable(HttpServletRequest request) {
        String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        return (method.equals("GET") || method.equals("HEAD")) && CACHEABLE.stream().anyMatch(path::startsWith);
    }

    /** Keeps Cache-Control at no-store whatever a later filter or servlet asks for. */
    private final class NoStoreResponse extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        NoStoreResponse(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        private static boolean caching(String name) {
            return name.equalsIgnoreCase("Cache-Control") || name.equalsIgnoreCase("Expires")
                    || name.equalsIgnoreCase("Pragma") || name.equalsIgnoreCase("ETag")
                    || name.equalsIgnoreCase("Last-Modified");
        }

        @Override
        public void setHeader(String name, String value) {
            if (!caching(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!caching(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!caching(name)) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (!caching(name)) {
                super.addDateHeader(name, date);
            }
        }

        @Override
        public void reset() {
            super.reset();
            // an error page resets the response: its headers come back with it
            write(request, (HttpServletResponse) getResponse(), csp);
            super.setHeader("Cache-Control", NO_STORE);
        }
    }
}
