package app.thaw.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies a staff session's limits ({@link StaffSessionLimits}) before Spring Security reads the session, so a request
 * that arrives after the idle time or the lifetime is already anonymous: a page goes to the sign-in page and an open
 * view is reloaded into it. After the request context filter, so the audit line of a timed-out session keeps the
 * address it came from.
 */
@Component
@Order(OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 104)
class SessionLimitFilter extends OncePerRequestFilter {

    private final StaffSessionLimits sessions;

    SessionLimitFilter(StaffSessionLimits sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        sessions.check(request, response, !heartbeat(request));
        chain.doFilter(request, response);
    }

    /** Vaadin's "this tab is still open" request: sent by the browser on its own, so nobody's use. */
    static boolean heartbeat(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && query.contains("v-r=heartbeat");
    }
}
