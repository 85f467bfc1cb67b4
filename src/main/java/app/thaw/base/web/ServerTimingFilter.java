package app.thaw.base.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For the browser bench only ({@code thaw.server-timing=true}, off unless asked): tells the browser how long the
 * server spent on each page and Vaadin round trip in a {@code Server-Timing} header, so a measured wait splits into
 * server and browser. Only a duration is sent, nothing about the request; static files are left alone.
 */
class ServerTimingFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int dot = path.lastIndexOf('.');
        // fingerprinted bundles, images, fonts, styles: served as files, and their size is what counts
        return path.startsWith("/VAADIN/") || (dot > path.lastIndexOf('/') && !path.endsWith(".html"))
                || "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new Timed(response, System.nanoTime()));
    }

    /** Writes the header when the body starts: by then the server has done its work, and nothing is sent yet. */
    private static final class Timed extends HttpServletResponseWrapper {

        private final long start;
        private boolean stamped;

        Timed(HttpServletResponse response, long start) {
            super(response);
            this.start = start;
        }

        private void stamp() {
            if (!stamped && !isCommitted()) {
                stamped = true;
                setHeader("Server-Timing", String.format(Locale.ROOT, "app;dur=%.1f", (System.nanoTime() - start) / 1e6));
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            stamp();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            stamp();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            stamp();
            super.flushBuffer();
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            stamp();
            super.sendRedirect(location);
        }
    }

    /** Registered ahead of every other filter, so the figure covers security and the host checks too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "thaw.server-timing", havingValue = "true")
    static class ServerTimingConfiguration {

        @Bean
        FilterRegistrationBean<ServerTimingFilter> serverTimingFilter() {
            var registration = new FilterRegistrationBean<>(new ServerTimingFilter());
            registration.setOrder(EdgeConfiguration.HEADERS_ORDER);
            return registration;
        }
    }
}
