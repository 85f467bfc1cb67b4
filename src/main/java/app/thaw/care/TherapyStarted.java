package app.thaw.care;

import java.time.Instant;

/** A client's course of therapy began with their first attended session. */
public record TherapyStarted(long intakeId, String reference, Instant startedAt) {
}
