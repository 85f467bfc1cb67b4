package app.thaw.review;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import app.thaw.intake.IntakeStatus;
import app.thaw.intake.RequestedType;

/** One case in the queue: enough to decide what to open, nothing clinical. */
public record QueueRow(long intakeId, String reference, String name, RequestedType requestedType, IntakeStatus status,
                       boolean urgent, Instant submittedAt, @Nullable Long assigneeId, @Nullable String assigneeName) {
}
