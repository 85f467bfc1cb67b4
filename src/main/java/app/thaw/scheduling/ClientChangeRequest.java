package app.thaw.scheduling;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A client's request from their status page, waiting for staff. The client's own words may hold clinical content, so
 * only the case's therapist gets them; a practice manager sees the type and the times.
 *
 * @param message         the client's words, null when they wrote none or when they are withheld
 * @param messageWithheld the client wrote something this person may not read
 * @param late            asked inside the practice's notice period
 */
public record ClientChangeRequest(long requestId, SessionView session, boolean cancel, @Nullable String message,
                                  boolean messageWithheld, Instant createdAt, boolean late) {
}
