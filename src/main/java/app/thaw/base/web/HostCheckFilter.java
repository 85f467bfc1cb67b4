package app.thaw.base.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers only for the host in thaw.public-url (and any in thaw.allowed-hosts): a request for another host is a
 * misrouted or forged one and gets a plain 400. Health checks are answered for any host, since orchestrators call
 * the container by its own name. With no public address configured (a developer's machine) every host is served.
 */
class HostCheckFilter extends OncePerRequestFilter {

    private final PublicUrl publicUrl;
    private final Set<String> extraHosts;

    HostCheckFilter(PublicUrl publicUrl, String[] extraHosts) {
        this.publicUrl = publicUrl;
        this.extraHosts = Stream.of(extraHosts).map(String::strip).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var expected = publicUrl.host();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        if (expected.isEmpty() || host.equals(expected.get()) || extraHosts.contains(host)
                || path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Unknown host.\n");
    }
}
