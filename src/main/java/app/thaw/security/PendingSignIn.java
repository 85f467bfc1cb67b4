package app.thaw.security;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who has typed the right password but not yet a second-factor code. Deliberately not a {@link StaffUser}, so
 * nothing that asks "which staff member is this?" ({@link CurrentUser}) mistakes them for one.
 */
public record PendingSignIn(long staffId, String username, String displayName) implements AuthenticatedPrincipal {

    @Override
    public String getName() {
        return username;
    }

    /** Framework debug logs print principals: the username stays out of them. */
    @Override
    public String toString() {
        return "PendingSignIn[staffId=" + staffId + "]";
    }
}
