package app.thaw.security;

import java.time.Instant;

/**
 * A staff account's email address was changed: the address it had is told, so a change nobody asked for is noticed.
 * Carries neither the new address nor anything else a stranger at the old one should read; {@code accountVersion}
 * tells one change from the next.
 */
public record StaffEmailChanged(long staffId, String displayName, String previousEmail, Instant changedAt,
                                long accountVersion) {
}
