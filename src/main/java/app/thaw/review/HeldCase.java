package app.thaw.review;

import java.time.Instant;

import app.thaw.intake.IntakeStatus;

/** A case a therapist holds, as a handover lists it: who and where it stands, nothing clinical. */
public record HeldCase(long intakeId, String reference, String name, IntakeStatus status, Instant submittedAt) {
}
