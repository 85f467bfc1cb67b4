package app.thaw.security;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import app.thaw.base.ui.IdleSignOut;

/**
 * The idle rule for staff sessions: a session nobody has used for the idle timeout (the servlet session timeout,
 * 30 minutes) ends, and the sign-in page then says why. Vaadin's heartbeats keep the HTTP session alive while a tab
 * is open, so the servlet container's own timeout never ends a session left open on a screen: this rule does.
 */
@Component
public class IdleSessions implements IdleSignOut {

    /** Put in the session that follows a timed-out one, for the sign-in page to explain. */
    public static final String TIMED_OUT = IdleSessions.class.getName() + ".timedOut";
    static final String LAST_USED = IdleSessions.class.getName() + ".lastUsed";

    private final Duration timeout;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    IdleSessions(@Value("${server.servlet.session.timeout:30m}") Duration timeout, Clock clock,
                 ApplicationEventPublisher events) {
        this.timeout = timeout;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Duration idleTimeout() {
        return timeout;
    }

    /**
     * Ends the request's staff session if it has gone unused for the idle timeout; otherwise a request someone made
     * (not a heartbeat) counts as use. Sessions without a signed-in staff member (clients' forms) are left alone.
     */
    void check(HttpServletRequest request, boolean used) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            Object who = staff(session);
            if (who == null) {
                return;
            }
            long now = clock.millis();
            if (session.getAttribute(LAST_USED) instanceof Long last && now - last >= timeout.toMillis()) {
                end(request, who);
            } else if (used) {
                session.setAttribute(LAST_USED, now);
            }
        } catch (IllegalStateException alreadyInvalidated) {
            // another request ended this session a moment ago: nothing left to do
        }
    }

    /** The staff page's own timer found nobody at the screen: the session ends now, as the rule would end it. */
    @Override
    public void signOutIdle(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            Object who = staff(session);
            if (who != null) {
                end(request, who);
            }
        } catch (IllegalStateException alreadyInvalidated) {
            // signed out by another tab or the rule a moment ago
        }
    }

    private void end(HttpServletRequest request, Object who) {
        request.getSession().invalidate();
        request.getSession(true).setAttribute(TIMED_OUT, timeout);
        // the second-factor step is not yet a sign-in: only a full one was recorded, so only its end is
        if (who instanceof StaffUser user) {
            events.publishEvent(new StaffSessionTimedOut(user.id(), user.displayName(), timeout));
        }
    }

    /** The signed-in staff member, or one half-way through signing in; null for anyone else. */
    private static @Nullable Object staff(HttpSession session) {
        Object principal = SessionPrincipal.of(session);
        return principal instanceof StaffUser || principal instanceof PendingSignIn ? principal : null;
    }
}
