package app.thaw.review;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import app.thaw.intake.IntakeStatus;
import app.thaw.intake.RequestedType;

/** What the queue shows; empty sets and nulls mean "any". */
public record QueueFilter(Set<IntakeStatus> statuses, Urgency urgency, @Nullable RequestedType requestedType,
                          Assignment assignment, @Nullable LocalDate submittedFrom, @Nullable LocalDate submittedTo,
                          @Nullable String search) {

    public enum Urgency { ANY, URGENT, ROUTINE }

    public enum Assignment { ANYONE, ME, UNASSIGNED }

    /** Cases still in the practice's hands, from new to in therapy: the default view (V56 indexes this set). */
    public static final Set<IntakeStatus> IN_HAND = Set.of(IntakeStatus.NEW, IntakeStatus.IN_REVIEW,
            IntakeStatus.AWAITING_PARTNER, IntakeStatus.REFERRED, IntakeStatus.WAITING, IntakeStatus.SCHEDULED,
            IntakeStatus.IN_THERAPY);

    /** Everything still needing work: the default view of the queue. */
    public static QueueFilter open() {
        return new QueueFilter(IN_HAND, Urgency.ANY, null, Assignment.ANYONE, null, null, null);
    }

    public QueueFilter withSearch(@Nullable String text) {
        return new QueueFilter(statuses, urgency, requestedType, assignment, submittedFrom, submittedTo, text);
    }
}
