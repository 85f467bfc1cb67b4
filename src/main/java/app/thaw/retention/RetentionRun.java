package app.thaw.retention;

import java.time.Instant;

/**
 * What one retention run did. {@code ran} is false when another instance was already running it, so this one
 * did nothing and recorded nothing.
 */
public record RetentionRun(Instant ranAt, RetentionPolicy policy, int anonymised, int skippedForHold, boolean ran) {
}
