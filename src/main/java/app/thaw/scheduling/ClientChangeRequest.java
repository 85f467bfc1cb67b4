package app.thaw.scheduling;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A client's request from their status page, waiting for staff. */
public record ClientChangeRequest(long requestId, SessionView session, boolean cancel, @Nullable String message,
                                  Instant createdAt) {
}
