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

import app.thaw.base.ui.SessionLimits;
import app.thaw.security.StaffSessionTimedOut.Limit;

/**
 * The two limits of a staff session: one nobody has used for the idle timeout (the servlet session timeout, 30
 * minutes) ends, and so does one signed in for its absolute lifetime (12 hours), however active; the sign-in page
 * then says which. Vaadin's heartbeats keep the HTTP session alive while a tab is open, so the servlet container's own
 * timeout never ends a session left open on a screen: this rule does.
 */
@Component
public class StaffSessionLimits implements SessionLimits {

    /**
     * A short-lived cookie, for the sign-in page to explain: not the session that follows, whose id a request still
     * in flight with the old one (a heartbeat at the same moment) can replace in the browser. Its value is the idle
     * minutes, or {@link #LIFETIME_MARK} and the lifetime's minutes.
     */
    public static final String TIMED_OUT = "thaw-timed-out";
    public static final String LIFETIME_MARK = "L";
    /** Like {@link #TIMED_OUT}, for a session ended because the account was changed; it says no more than that. */
    public static final String ACCOUNT_CHANGED = "thaw-account-changed";
    static final String LAST_USED = StaffSessionLimits.class.getName() + ".lastUsed";
    static final String SIGNED_IN_AT = StaffSessionLimits.class.getName() + ".signedInAt";

    private final Duration timeout;
    private final Duration lifetime;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StaffSessionLimits(@Value("${server.servlet.session.timeout:30m}") Duration timeout,
                       @Value("${thaw.security.session-lifetime:PT12H}") Duration lifetime, Clock clock,
                       ApplicationEventPublisher events) {
        this.timeout = timeout;
        this.lifetime = lifetime;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Duration idleTimeout() {
        return timeout;
    }

    @Override
    public Duration lifetime() {
        return lifetime;
    }

    @Override
    public Duration lifetimeLeft(HttpSession session) {
        try {
            if (session.getAttribute(SIGNED_IN_AT) instanceof Long signedIn) {
                return lifetime.minusMillis(clock.millis() - signedIn);
            }
        } catch (IllegalStateException alreadyInvalidated) {
            return Duration.ZERO;
        }
        return lifetime;
    }

    /**
     * Ends the request's staff session if it has reached its lifetime or gone unused for the idle timeout; otherwise a
     * request someone made (not a heartbeat) counts as use. Sessions without a signed-in staff member (clients'
     * forms) are left alone.
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
            // the first request of a full sign-in starts the lifetime: a sign-in page left open for hours does not
            if (who instanceof StaffUser && session.getAttribute(SIGNED_IN_AT) == null) {
                session.setAttribute(SIGNED_IN_AT, now);
            }
            if (session.getAttribute(SIGNED_IN_AT) instanceof Long signedIn && now - signedIn >= lifetime.toMillis()) {
                end(request, response, session, who, Limit.LIFETIME);
            } else if (session.getAttribute(LAST_USED) instanceof Long last && now - last >= timeout.toMillis()) {
                end(request, response, session, who, Limit.IDLE);
            } else if (used) {
                session.setAttribute(LAST_USED, now);
            }
        } catch (IllegalStateException alreadyInvalidated) {
            // another request ended this session a moment ago: nothing left to do
        }
    }

    /**
     * The staff page's own timer found its time up: the session ends now, as the rule would end it, for whichever
     * limit comes first (so a clock running ahead in the browser still names the right one).
     */
    @Override
    public void signOutNow(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            Object who = staff(session);
            if (who != null) {
                long now = clock.millis();
                long idleEnd = (session.getAttribute(LAST_USED) instanceof Long last ? last : now) + timeout.toMillis();
                long lifetimeEnd = session.getAttribute(SIGNED_IN_AT) instanceof Long signedIn
                        ? signedIn + lifetime.toMillis() : Long.MAX_VALUE;
                end(request, response, session, who, lifetimeEnd <= idleEnd ? Limit.LIFETIME : Limit.IDLE);
            }
        } catch (IllegalStateException alreadyInvalidated) {
            // signed out by another tab or the rule a moment ago
        }
    }

    /** Two requests at the moment of expiry (a heartbeat and a click) end it once: the second finds it invalid. */
    private void end(HttpServletRequest request, HttpServletResponse response, HttpSession session, Object who,
                     Limit limit) {
        session.invalidate();
        Duration after = limit == Limit.IDLE ? timeout : lifetime;
        leaveReason(request, response, TIMED_OUT, (limit == Limit.LIFETIME ? LIFETIME_MARK : "") + after.toMinutes());
        // the second-factor step is not yet a sign-in: only a full one was recorded, so only its end is
        if (who instanceof StaffUser user) {
            events.publishEvent(new StaffSessionTimedOut(user.id(), user.displayName(), after, limit));
        }
    }

    /** Why a session ended, for the sign-in page to say: short-lived, and removed once said. */
    static void leaveReason(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        var reason = new Cookie(name, value);
        reason.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        reason.setMaxAge(10 * 60);
        reason.setHttpOnly(true);
        reason.setSecure(request.isSecure());
        reason.setAttribute("SameSite", "Lax");
        response.addCookie(reason);
    }

    /** The signed-in staff member, or one half-way through signing in; null for anyone else. */
    static @Nullable Object staff(HttpSession session) {
        Object principal = SessionPrincipal.of(session);
        return principal instanceof StaffUser || principal instanceof PendingSignIn ? principal : null;
    }
}
