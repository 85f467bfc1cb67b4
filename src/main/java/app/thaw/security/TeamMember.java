package app.thaw.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the team list: no password material; the open link's expiry when one is waiting to be used, and when
 * a sign-in pause after failed tries ends, while one runs. Its version is what a change of details from a form
 * showing it must still match.
 */
public record TeamMember(long id, String username, String displayName, String email, StaffRole role,
                         AccountStatus status, @Nullable Instant linkExpiresAt, @Nullable Instant signInPausedUntil,
                         long version) {

    public boolean isSignInPaused() {
        return signInPausedUntil != null;
    }

    public boolean isActive() {
        return status != AccountStatus.DEACTIVATED;
    }

    /** Waiting for the person to choose a password (invited, or reset by an admin). */
    public boolean awaitsPassword() {
        return status == AccountStatus.INVITED || status == AccountStatus.RESET_PENDING;
    }
}
