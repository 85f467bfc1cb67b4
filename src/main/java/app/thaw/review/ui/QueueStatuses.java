package app.thaw.review.ui;

import java.util.EnumSet;
import java.util.Set;

import app.thaw.intake.IntakeStatus;
import app.thaw.review.QueueFilter;

/** The queue's status filter as staff think of it: groups of the lifecycle, not every status one by one. */
enum QueueStatuses {
    IN_HAND("Cases in hand", QueueFilter.IN_HAND),
    NEW("New and in review", EnumSet.of(IntakeStatus.NEW, IntakeStatus.IN_REVIEW, IntakeStatus.AWAITING_PARTNER)),
    REFERRED("Referred and waiting", EnumSet.of(IntakeStatus.REFERRED, IntakeStatus.WAITING)),
    SCHEDULED("Scheduled and in therapy", EnumSet.of(IntakeStatus.SCHEDULED, IntakeStatus.IN_THERAPY)),
    FINISHED("Ended and closed", EnumSet.of(IntakeStatus.ENDED, IntakeStatus.CLOSED)),
    ALL("All cases", EnumSet.noneOf(IntakeStatus.class));

    final String label;
    final Set<IntakeStatus> statuses;

    QueueStatuses(String label, Set<IntakeStatus> statuses) {
        this.label = label;
        this.statuses = statuses;
    }
}
