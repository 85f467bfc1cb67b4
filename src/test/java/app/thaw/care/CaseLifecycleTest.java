package app.thaw.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.thaw.intake.IntakeStatus;

/** The status and course of care follow from the events alone, in the order they were recorded. */
class CaseLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final List<CareEvent> events = new ArrayList<>();

    private CaseStage after(CareEvent event) {
        events.add(event);
        return CaseLifecycle.fold(events);
    }

    private static Instant day(int n) {
        return T0.plusSeconds(86_400L * n);
    }

    @Test
    void aCoupleCaseWalksFromNewToClosedAndEachStepHasItsStatus() {
        assertThat(CaseLifecycle.fold(List.of()).status()).isEqualTo(IntakeStatus.NEW);
        assertThat(after(CareEvent.of(CareEventKind.SUBMITTED, day(0))).status()).isEqualTo(IntakeStatus.NEW);
        assertThat(after(CareEvent.of(CareEventKind.AWAITING_PARTNER, day(0))).status())
                .isEqualTo(IntakeStatus.AWAITING_PARTNER);
        assertThat(after(CareEvent.of(CareEventKind.PARTNER_JOINED, day(1))).status()).isEqualTo(IntakeStatus.NEW);
        assertThat(after(CareEvent.of(CareEventKind.REVIEW_STARTED, day(2))).status())
                .isEqualTo(IntakeStatus.IN_REVIEW);
        assertThat(after(CareEvent.referred("COUPLES", day(3))).status()).isEqualTo(IntakeStatus.REFERRED);
        assertThat(after(CareEvent.of(CareEventKind.WAITLISTED, day(4))).status()).isEqualTo(IntakeStatus.WAITING);
        assertThat(after(CareEvent.session(CareEventKind.SESSION_BOOKED, 1, false, day(5))).status())
                .isEqualTo(IntakeStatus.SCHEDULED);
        // the only session cancelled: back on the waiting list, nothing lost
        assertThat(after(CareEvent.session(CareEventKind.SESSION_CANCELLED, 1, false, day(6))).status())
                .isEqualTo(IntakeStatus.WAITING);
        assertThat(after(CareEvent.session(CareEventKind.SESSION_BOOKED, 2, false, day(6))).status())
                .isEqualTo(IntakeStatus.SCHEDULED);
        CaseStage attended = after(CareEvent.session(CareEventKind.SESSION_ATTENDED, 2, false, day(8)));
        assertThat(attended.status()).isEqualTo(IntakeStatus.IN_THERAPY);
        assertThat(attended.course().started()).isEqualTo(day(8));
        // more bookings and a missed session do not take a client out of therapy
        after(CareEvent.session(CareEventKind.SESSION_BOOKED, 3, true, day(9)));
        after(CareEvent.session(CareEventKind.SESSION_MISSED, 3, true, day(15)));
        after(CareEvent.session(CareEventKind.SESSION_BOOKED, 4, true, day(16)));
        after(CareEvent.session(CareEventKind.SESSION_ATTENDED, 4, true, day(22)));
        after(CareEvent.session(CareEventKind.SESSION_BOOKED, 5, true, day(23)));
        CaseStage inTherapy = after(CareEvent.session(CareEventKind.SESSION_ATTENDED, 5, true, day(29)));
        assertThat(inTherapy.status()).isEqualTo(IntakeStatus.IN_THERAPY);
        assertThat(inTherapy.course()).satisfies(course -> {
            assertThat(course.attendedSessions()).isEqualTo(3);
            assertThat(course.attendedTreatmentSessions()).isEqualTo(2);
            assertThat(course.missedSessions()).isEqualTo(1);
            assertThat(course.inTherapy()).isTrue();
            assertThat(course.finishedTreatment()).isFalse();
        });
        CaseStage ended = after(CareEvent.therapyEnded(TherapyOutcome.COMPLETED, day(30)));
        assertThat(ended.status()).isEqualTo(IntakeStatus.ENDED);
        assertThat(ended.course().outcome()).isEqualTo(TherapyOutcome.COMPLETED);
        assertThat(ended.course().finishedTreatment()).isTrue();
        assertThat(after(CareEvent.of(CareEventKind.CASE_CLOSED, day(31))).status()).isEqualTo(IntakeStatus.CLOSED);
        CaseStage reopened = after(CareEvent.of(CareEventKind.CASE_REOPENED, day(200)));
        assertThat(reopened.status()).isEqualTo(IntakeStatus.IN_REVIEW);
        assertThat(reopened.course()).isEqualTo(CourseOfCare.NOT_STARTED);
    }

    @Test
    void aCaseThatLeftTheWaitingListIsBackAtItsReferralOrReviewAndCanJoinAgain() {
        after(CareEvent.of(CareEventKind.REVIEW_STARTED, day(1)));
        after(CareEvent.referred("COUPLES", day(2)));
        after(CareEvent.of(CareEventKind.WAITLISTED, day(3)));
        assertThat(after(CareEvent.of(CareEventKind.LEFT_WAITING_LIST, day(9))).status())
                .isEqualTo(IntakeStatus.REFERRED);
        assertThat(after(CareEvent.of(CareEventKind.WAITLISTED, day(10))).status()).isEqualTo(IntakeStatus.WAITING);

        events.clear();
        after(CareEvent.of(CareEventKind.REVIEW_STARTED, day(1)));
        after(CareEvent.of(CareEventKind.WAITLISTED, day(2)));
        assertThat(after(CareEvent.of(CareEventKind.LEFT_WAITING_LIST, day(3))).status())
                .as("put on the list straight from review, it is back in review").isEqualTo(IntakeStatus.IN_REVIEW);
    }

    @Test
    void anAssessmentAloneIsNotAFinishedTreatmentAndAnAttendanceCorrectedToMissedUndoesTheStart() {
        after(CareEvent.session(CareEventKind.SESSION_BOOKED, 7, false, day(1)));
        assertThat(after(CareEvent.session(CareEventKind.SESSION_ATTENDED, 7, false, day(2))).course().started())
                .isEqualTo(day(2));
        CaseStage corrected = after(CareEvent.session(CareEventKind.SESSION_MISSED, 7, false, day(2)));
        assertThat(corrected.course().started()).isNull();
        assertThat(corrected.status()).isEqualTo(IntakeStatus.NEW);
        after(CareEvent.session(CareEventKind.SESSION_ATTENDED, 7, false, day(2)));
        CaseStage ended = after(CareEvent.therapyEnded(TherapyOutcome.DROPPED_OUT, day(3)));
        assertThat(ended.course().finishedTreatment()).isFalse();
        assertThat(ended.course().outcome()).isEqualTo(TherapyOutcome.DROPPED_OUT);
    }
}
