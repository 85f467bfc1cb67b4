package app.thaw.security;

import java.time.Duration;

/** A staff member's session ended because nothing was done in it for {@code idle}. */
public record StaffSessionTimedOut(long staffId, String displayName, Duration idle) {
}
