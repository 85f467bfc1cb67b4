package app.thaw.care;

import app.thaw.intake.IntakeStatus;

/** Where a case stands, as its events say: the status the queue and the client see, and its course of care. */
public record CaseStage(IntakeStatus status, CourseOfCare course) {
}
