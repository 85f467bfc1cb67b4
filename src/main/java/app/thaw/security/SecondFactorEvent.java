package app.thaw.security;

import org.jspecify.annotations.Nullable;

/** Something happened to a staff member's second factor; the audit log records it. Never carries a secret or code. */
public record SecondFactorEvent(Kind kind, long staffId, String username, String displayName, @Nullable String detail) {

    public enum Kind {
        /** Authenticator set up and confirmed with its first code. */
        ENROLLED,
        /** A wrong (or replayed, or throttled) code at enrolment or sign-in. */
        CODE_REFUSED,
        /** Signed in with a recovery code instead of the authenticator. */
        RECOVERY_CODE_USED,
        /** A practice manager removed the authenticator; the staff member enrols again at next sign-in. */
        RESET
    }
}
