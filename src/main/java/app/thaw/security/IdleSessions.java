package app.thaw.security;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

    /**
     * A short-lived cookie, for the sign-in page to explain: not the session that follows, whose id a request still
     * in flight with the old one (a heartbeat at the same moment) can replace in the browser.
     */
    public static final String TIMED_OUT = "thaw-timed-out";
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
    void check(HttpServletRequest request, HttpServletResponse response, boolean used) {
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
                end(request, response, session, who);
            } else if (used) {
                session.setAttribute(LAST_USED, now);
            }
        } catch (IllegalStateException alreadyInvalidated) {
            // another request ended this session a moment ago: nothing left to do
        }
    }

    /** The staff page's own timer found nobody at the screen: the session ends now, as the rule would end it. */
    @Override
    public void signOutIdle(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            Object who = staff(session);
            if (who != null) {
                end(request, response, session, who);
            }
        } catch (IllegalStateException alreadyInvalidated) {
            // signed out by another tab or the rule a moment ago
        }
    }

    /** Two requests at the moment of expiry (a heartbeat and a click) end it once: the second finds it invalid. */
    private void end(HttpServletRequest request, HttpServletResponse response, HttpSession session, Object who) {
        session.invalidate();
        var reason = new Cookie(TIMED_OUT, Long.toString(timeout.toMinutes()));
        reason.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        reason.setMaxAge(10 * 60);
        reason.setHttpOnly(true);
        reason.setSecure(request.isSecure());
        reason.setAttribute("SameSite", "Lax");
        response.addCookie(reason);
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
