package app.thaw.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff session at its next request once the account was deactivated, given a new role or a new
 * password (its session generation moved on). Checked in PostgreSQL on every request, so it holds whichever
 * app instance the session lives on; one primary-key read per request. With the session gone, Spring
 * Security sends a page request to the login page and Vaadin reloads an open view into it. The same read
 * brings a name a practice manager corrected into the session, so the header and what they write next say it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class RevokedSessionFilter extends OncePerRequestFilter {

    private final JdbcTemplate jdbc;

    RevokedSessionFilter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account as the session should now see it: still current or not, and its name. */
    private record Account(boolean current, String displayName) {
    }

    private static final Account GONE = new Account(false, "");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null) {
            try {
                if (SessionPrincipal.of(session) instanceof StaffUser user) {
                    Account account = account(user);
                    if (!account.current()) {
                        session.invalidate();
                        StaffSessionLimits.leaveReason(request, response, StaffSessionLimits.ACCOUNT_CHANGED, "1");
                    } else if (!account.displayName().equals(user.displayName())) {
                        rename(session, user, account.displayName());
                    }
                }
            } catch (IllegalStateException alreadyInvalidated) {
                // another request ended this session a moment ago: nothing left to do
            }
        }
        chain.doFilter(request, response);
    }

    private Account account(StaffUser user) {
        Account found = jdbc.query("select active and session_generation = ?, display_name from staff_account "
                + "where id = ?", rs -> rs.next() ? new Account(rs.getBoolean(1), rs.getString(2)) : GONE,
                user.sessionGeneration(), user.id());
        return found == null ? GONE : found;
    }

    /** Before Spring Security reads the session, so this request already runs under the corrected name. */
    private static void rename(HttpSession session, StaffUser user, String name) {
        String key = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;
        if (session.getAttribute(key) instanceof SecurityContext context && context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() == user) {
            session.setAttribute(key, SessionPrincipal.renewed(context.getAuthentication(),
                    user.withDisplayName(name)));
        }
    }
}
