package app.thaw.review;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import app.thaw.intake.IntakeStatus;
import app.thaw.intake.RequestedType;

/**
 * One case in the queue: enough to decide what to open, nothing clinical.
 *
 * @param riskReviewed an urgent case whose risk a therapist has reviewed (always false for a routine case)
 */
public record QueueRow(long intakeId, String reference, String name, RequestedType requestedType, IntakeStatus status,
                       boolean urgent, boolean riskReviewed, Instant submittedAt, @Nullable Long assigneeId,
                       @Nullable String assigneeName) {

    /** The queue's safety order: 0 risk not yet reviewed, 1 urgent and reviewed, 2 routine (V17). */
    int rank() {
        return !urgent ? 2 : riskReviewed ? 1 : 0;
    }
}
