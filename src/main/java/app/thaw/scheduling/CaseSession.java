package app.thaw.scheduling;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One of a client's sessions as another clinical system receives it (the FHIR Appointment): when, what kind, with
 * whom and where, never the other partner's name nor a cancellation's reasons in the client's words.
 *
 * @param joint the client's partner is in the session too
 */
public record CaseSession(long id, ZonedDateTime start, ZonedDateTime end, AppointmentState state, String typeLabel,
                          SessionFormat format, @Nullable String roomName, String therapistName, boolean joint,
                          Instant bookedAt, @Nullable Instant cancelledAt, @Nullable Boolean cancelledByClient) {
}
