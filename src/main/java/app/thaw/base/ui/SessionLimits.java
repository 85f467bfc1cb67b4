package app.thaw.base.ui;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * How long a staff session may go unused and how long it may last at most, and the way to end it when its time is up
 * (the security module implements it; the staff layout only warns and asks).
 */
public interface SessionLimits {

    Duration idleTimeout();

    /** The longest a session lasts after its sign-in, however active. */
    Duration lifetime();

    /** What is left of the session's absolute lifetime, counted from its sign-in, however active it has been. */
    Duration lifetimeLeft(HttpSession session);

    /** Ends the session the request belongs to, as the server itself would once its time is up, saying which time. */
    void signOutNow(HttpServletRequest request, HttpServletResponse response);

    /** "30 minutes", "12 hours", "1 hour": a limit as the pages and the audit log say it. */
    static String inWords(Duration limit) {
        long minutes = limit.toMinutes();
        if (minutes % 60 == 0 && minutes >= 60) {
            return minutes / 60 + (minutes == 60 ? " hour" : " hours");
        }
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
