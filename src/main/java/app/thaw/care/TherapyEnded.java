package app.thaw.care;

import java.time.Instant;

/**
 * The therapist ended a client's course of therapy; with two attended treatment sessions or more it counts as a
 * finished treatment (what outcome measures report on).
 */
public record TherapyEnded(long intakeId, String reference, Instant endedAt, TherapyOutcome outcome,
                           boolean finishedTreatment) {
}
