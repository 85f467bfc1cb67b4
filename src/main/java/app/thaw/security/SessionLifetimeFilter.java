package app.thaw.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends any session older than its absolute lifetime (12 hours by default), however active it has been; a staff
 * member's is left to {@link StaffSessionLimits}, which counts from the sign-in and tells the sign-in page why.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SessionLifetimeFilter extends OncePerRequestFilter {

    private final Duration lifetime;
    private final Clock clock;

    SessionLifetimeFilter(@Value("${thaw.security.session-lifetime:PT12H}") Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        try {
            if (session != null && clock.millis() - session.getCreationTime() > lifetime.toMillis()
                    && StaffSessionLimits.staff(session) == null) {
                session.invalidate();
            }
        } catch (IllegalStateException alreadyInvalidated) {
            // ended by another request a moment ago
        }
        chain.doFilter(request, response);
    }
}
