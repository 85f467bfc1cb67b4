package app.thaw.base.ui;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How long a staff session may go unused, and the way to end it when nobody is at the screen (the security module
 * implements it; the staff layout only warns and asks).
 */
public interface IdleSignOut {

    Duration idleTimeout();

    /** Ends the session the request belongs to, as the server itself would once the idle time has passed. */
    void signOutIdle(HttpServletRequest request, HttpServletResponse response);
}
