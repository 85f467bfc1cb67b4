package app.thaw.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff session at its next request once the account was deactivated, given a new role or a new
 * password (its session generation moved on). Checked in PostgreSQL on every request, so it holds whichever
 * app instance the session lives on; one primary-key read per request. With the session gone, Spring
 * Security sends a page request to the login page and Vaadin reloads an open view into it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class RevokedSessionFilter extends OncePerRequestFilter {

    private final JdbcTemplate jdbc;

    RevokedSessionFilter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null) {
            try {
                if (SessionPrincipal.of(session) instanceof StaffUser user && !current(user)) {
                    session.invalidate();
                }
            } catch (IllegalStateException alreadyInvalidated) {
                // another request ended this session a moment ago: nothing left to do
            }
        }
        chain.doFilter(request, response);
    }

    private boolean current(StaffUser user) {
        Boolean current = jdbc.query("select active and session_generation = ? from staff_account where id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, user.sessionGeneration(), user.id());
        return Boolean.TRUE.equals(current);
    }
}
