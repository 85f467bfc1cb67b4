package app.thaw.security;

import java.time.Duration;

import app.thaw.base.ui.SessionLimits;

/** A staff member's session ended on its own: nothing was done in it for {@code after}, or it lasted that long. */
public record StaffSessionTimedOut(long staffId, String displayName, Duration after, Limit limit) {

    /** Which of a session's two limits ended it. */
    public enum Limit {
        IDLE, LIFETIME
    }

    /** The audit line's words. */
    public String reason() {
        return limit == Limit.IDLE ? "after " + after.toMinutes() + " minutes without activity"
                : "after " + SessionLimits.inWords(after) + " signed in, the longest a session lasts";
    }
}
