package app.thaw.security;

import java.time.Instant;

/** A staff account as lists and pickers show it: no password material. */
public record StaffSummary(long id, String username, String displayName, String email, StaffRole role,
                           boolean active, Instant createdAt) {
}
