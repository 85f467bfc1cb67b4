package app.thaw.care;

import app.thaw.intake.IntakeStatus;

/** A case's status moved because of something that happened to it; carries nothing clinical. */
public record CaseStatusChanged(long intakeId, String reference, IntakeStatus from, IntakeStatus to) {
}
