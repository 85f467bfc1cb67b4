package app.thaw.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;


import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.thaw.IntegrationTest;
import app.thaw.LockWaits;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.CaseActionRefused;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffActionRefused;

/**
 * No case is left with someone who has left: an assignment and the deactivation of its therapist at the same moment
 * take turns on the therapist's caseload, whichever comes first; a booking that gives its therapist the case takes
 * the diary's turn and then the caseload's, as deactivation does, so the two never deadlock.
 */
@IntegrationTest
class DeactivatingWhileAssigningIT extends DepartureTestSupport {

    @Test
    void aDeactivationThatWaitedForAnAssignmentInFlightCountsTheCaseAndIsRefused() throws Exception {
        Race race = race("Dr Taking", true);
        assertThat(race.assignment()).isNull();
        assertThat(race.deactivation()).isInstanceOf(StaffActionRefused.class)
                .hasMessageContaining("1 case in their hands");
        assertThat(race.active()).isTrue();
        assertThat(race.holder()).isEqualTo(race.therapist());
    }

    @Test
    void anAssignmentThatWaitedWhileItsTherapistWasDeactivatedIsRefusedWithTheReason() throws Exception {
        Race race = race("Dr Going", false);
        assertThat(race.deactivation()).isNull();
        assertThat(race.active()).isFalse();
        assertThat(race.assignment()).isInstanceOf(CaseActionRefused.class)
                .hasMessage("That therapist no longer sees clients here (their account was deactivated or their "
                        + "role changed a moment ago). Choose another therapist, or return the case to the shared "
                        + "queue.");
        assertThat(race.holder()).isNull();
    }

    private record Race(long therapist, @Nullable Throwable assignment, @Nullable Throwable deactivation,
                        boolean active, @Nullable Long holder) {
    }

    /**
     * The practice manager giving a case to a therapist (past the service's check, the therapist still active) and
     * the therapist's deactivation both wait for the caseload, in the order asked; then it is let go.
     */
    private Race race(String therapistName, boolean assignmentFirst) throws Exception {
        long therapist = week.therapist(therapistName + " " + ReviewTestData.uniqueWord());
        var client = data.submit(IntakeFixtures.completeAnswers("Di " + ReviewTestData.uniqueWord()));
        var both = new LockWaits(jdbc, dataSource).queueBehind(LockWaits.turn(LockWaits.CASELOAD, therapist),
                assignmentFirst, "the assignment", () -> assigned(data, client.id(), therapist), "the deactivation",
                () -> deactivated(therapist));
        return new Race(therapist, LockWaits.failureOf(both.a()), LockWaits.failureOf(both.b()), active(therapist),
                jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?", Long.class,
                        client.id()));
    }

    @Test
    void aBookingThatGivesItsTherapistTheCaseAndADeactivationWaitingBehindItNeitherDeadlocks() throws Exception {
        long therapist = week.therapist("Dr Booked " + ReviewTestData.uniqueWord());
        var client = data.submit(IntakeFixtures.completeAnswers("Ed " + ReviewTestData.uniqueWord()));
        var request = week.online(client.id(), therapist, WorkingWeekData.at(WorkingWeekData.farMonday(), 15, 0));
        var waits = new LockWaits(jdbc, dataSource);
        CompletableFuture<BookingResult> booking;
        CompletableFuture<Void> deactivating;
        try (Connection blocker = waits.holding(LockWaits.turn(LockWaits.CASELOAD, therapist))) {
            // the booking holds the diary from its insert and then waits to give the therapist the case
            booking = LockWaits.inOwnThread(() -> data.as("admin", () -> scheduling.book(request)));
            waits.awaitBlockedBy(blocker, 1, "the booking waits for the caseload");
            deactivating = LockWaits.inOwnThread(() -> deactivated(therapist));
            // diary first, as the booking took them: had it taken the caseload first, the two would wait for each other
            waits.awaitAdvisoryWaitOn(LockWaits.DIARY, therapist, "the deactivation waits for the diary");
            blocker.rollback();
        }
        assertThat(booking.get(30, TimeUnit.SECONDS)).isInstanceOf(BookingResult.Booked.class);
        assertThat(LockWaits.failureOf(deactivating)).isInstanceOf(StaffActionRefused.class)
                .hasMessageContaining("1 session to come").hasMessageContaining("1 case in their hands");
        assertThat(active(therapist)).isTrue();
    }

    @Test
    void theDatabaseRefusesACaseGivenToAFormerColleaguePastTheServices() {
        long gone = week.therapist("Dr Former " + ReviewTestData.uniqueWord());
        var client = data.submit(IntakeFixtures.completeAnswers("Flo " + ReviewTestData.uniqueWord()));
        data.as("admin", () -> handover.deactivate(StaffId.of(gone)));

        assertThatThrownBy(() -> jdbc.update("update review_case set assigned_therapist_id = ? where intake_id = ?",
                gone, client.id())).hasMessageContaining("no longer active");
        assertThatThrownBy(() -> data.as("admin", () -> handover.reassignCase(IntakeId.of(client.id()),
                StaffId.of(gone), "Client asked for them"))).isInstanceOf(CaseActionRefused.class)
                .hasMessage("A case can only be assigned to an active therapist.");
        assertThat(jdbc.queryForObject("select queue_assignee_id from intake where id = ?", Long.class, client.id()))
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"active = false", "role = 'CLINICAL_LEAD'"})
    void aPartnerWhoJoinsAfterTheirPartnersTherapistLeftOrChangedRoleGoesToTheSharedQueue(String leaving) {
        long left = week.therapist("Dr Left " + ReviewTestData.uniqueWord());
        String word = ReviewTestData.uniqueWord();
        var first = data.submit(IntakeFixtures.couplesAnswers(word + " Early"));
        data.as("admin", () -> handover.reassignCase(IntakeId.of(first.id()), StaffId.of(left), "Caseload"));
        // as a case kept in its history by a colleague who has since left or become clinical lead (the services hand
        // open cases on first)
        jdbc.update("update staff_account set " + leaving + " where id = ?", left);

        var partner = data.submitPartner(first.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers(word + " Late"));

        assertThat(jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?", Long.class,
                partner.id())).isNull();
        assertThat(data.auditActions(partner.id())).containsExactly("INTAKE_SUBMITTED");
    }

    private Void assigned(ReviewTestData data, long intakeId, long therapist) {
        data.as("admin", () -> handover.reassignCase(IntakeId.of(intakeId), StaffId.of(therapist),
                "Caseload balancing"));
        return null;
    }
}
