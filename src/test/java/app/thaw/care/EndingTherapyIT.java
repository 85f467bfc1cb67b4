package app.thaw.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.FreeTimes;
import app.thaw.IntegrationTest;
import app.thaw.LockWaits;
import app.thaw.SessionTimes;
import app.thaw.base.PracticeTime;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.IntakeStatus;
import app.thaw.review.CareActions;
import app.thaw.review.CaseActionRefused;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffAccountService;

/**
 * Therapy does not end while sessions are still booked ahead (the client would be reminded of them and asked the
 * questions before them), for either partner when the ending concerns both, nor past a booking in flight; a review
 * session after the end is fine.
 */
@IntegrationTest
class EndingTherapyIT {

    @Autowired
    IntakeService intake;

    @Autowired
    StaffAccountService staff;

    @Autowired
    CareActions care;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    SessionChanges changes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void therapyWithASessionStillBookedEndsOnlyOnceItIsCancelled() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = data.submit(IntakeFixtures.completeAnswers("Noor " + ReviewTestData.uniqueWord()));
        attend(data, book(data, client.id(), null, "INDIVIDUAL"));
        var ahead = book(data, client.id(), null, "INDIVIDUAL");

        assertThatThrownBy(() -> data.as("grace", () -> care.endTherapy(IntakeId.of(client.id()),
                TherapyOutcome.COMPLETED, false, false)))
                .isInstanceOf(CaseActionRefused.class)
                .hasMessage(client.reference() + " still has a session booked, the next on "
                        + PracticeTime.DAY_TIME.format(ahead.session().start()) + ": cancel it in the diary first (the "
                        + "client is told), then end therapy; or keep it as a review session after the end.");
        assertStatus(client.id(), IntakeStatus.IN_THERAPY);
        assertThat(data.auditActions(client.id())).doesNotContain("THERAPY_ENDED");

        data.as("grace", () -> changes.cancel(AppointmentId.of(ahead.session().id()), false, "Therapy is ending"));
        data.as("grace", () -> care.endTherapy(IntakeId.of(client.id()), TherapyOutcome.COMPLETED, false, false));
        assertStatus(client.id(), IntakeStatus.ENDED);

        // a review session some weeks after the end is ordinary practice: booked, and the therapy stays ended
        book(data, client.id(), null, "INDIVIDUAL");
        assertStatus(client.id(), IntakeStatus.ENDED);
    }

    @Test
    void aFollowUpAlreadyInTheDiaryIsKeptAsAReviewSessionWhenTheTherapistSaysSo() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = data.submit(IntakeFixtures.completeAnswers("Ravi " + ReviewTestData.uniqueWord()));
        attend(data, book(data, client.id(), null, "INDIVIDUAL"));
        var followUp = book(data, client.id(), null, "INDIVIDUAL");

        data.as("grace", () -> care.endTherapy(IntakeId.of(client.id()), TherapyOutcome.COMPLETED, false, true));

        assertStatus(client.id(), IntakeStatus.ENDED);
        assertThat(jdbc.queryForObject("select state from appointment where id = ?", String.class,
                followUp.session().id())).as("neither cancelled nor booked again: the client is not emailed twice")
                .isEqualTo("BOOKED");
        assertThat(data.audit(client.id())).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("THERAPY_ENDED");
            assertThat((String) row.get("detail")).endsWith("; 1 session kept as a review session");
        });
    }

    @Test
    void endingForBothPartnersIsRefusedWhileThePartnerAloneHasASessionAhead() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String word = ReviewTestData.uniqueWord();
        var alex = data.submit(IntakeFixtures.couplesAnswers("Alex " + word));
        var sam = data.submitPartner(alex.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers("Sam " + word));
        attend(data, book(data, alex.id(), sam.id(), "COUPLES"));
        var samAlone = book(data, sam.id(), null, "INDIVIDUAL");

        assertThatThrownBy(() -> data.as("grace", () -> care.endTherapy(IntakeId.of(alex.id()),
                TherapyOutcome.DROPPED_OUT, true, false)))
                .isInstanceOf(CaseActionRefused.class)
                .hasMessage(sam.reference() + " still has a session booked, the next on "
                        + PracticeTime.DAY_TIME.format(samAlone.session().start()) + ": cancel it in the diary first "
                        + "(the client is told), then end therapy; or keep it as a review session after the end.");
        assertStatus(alex.id(), IntakeStatus.IN_THERAPY);
        assertStatus(sam.id(), IntakeStatus.IN_THERAPY);
        assertThat(data.auditActions(alex.id())).doesNotContain("THERAPY_ENDED");

        // for Alex alone, Sam's own session is no reason to wait
        data.as("grace", () -> care.endTherapy(IntakeId.of(alex.id()), TherapyOutcome.DROPPED_OUT, false, false));
        assertStatus(alex.id(), IntakeStatus.ENDED);
        assertStatus(sam.id(), IntakeStatus.IN_THERAPY);
    }

    @Test
    void anEndingThatWaitedForABookingInFlightSeesItsSessionAndIsRefused() throws Exception {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = data.submit(IntakeFixtures.completeAnswers("Iris " + ReviewTestData.uniqueWord()));
        attend(data, book(data, client.id(), null, "INDIVIDUAL"));
        CompletableFuture<BookingResult.Booked> booking;
        CompletableFuture<Void> ending;
        var waits = new LockWaits(jdbc, dataSource);
        // the booking has written its session, sharing the case's turn, and waits for the case's row
        try (Connection blocker = waits.holding("select id from intake where id = " + client.id() + " for update")) {
            booking = LockWaits.inOwnThread(() -> book(data, client.id(), null, "INDIVIDUAL"));
            waits.awaitBlockedBy(blocker, "the booking waits for the case's row");
            ending = LockWaits.inOwnThread(() -> {
                data.as("grace", () -> care.endTherapy(IntakeId.of(client.id()), TherapyOutcome.COMPLETED, false,
                        false));
                return null;
            });
            waits.awaitAdvisoryWait("the ending waits for the booking in flight", "hold_cases_from_booking");
            blocker.rollback();
        }
        var booked = booking.get(30, TimeUnit.SECONDS);
        assertThat(LockWaits.failureOf(ending)).isInstanceOf(CaseActionRefused.class)
                .hasMessageStartingWith(client.reference() + " still has a session booked, the next on "
                        + PracticeTime.DAY_TIME.format(booked.session().start()));
        assertStatus(client.id(), IntakeStatus.IN_THERAPY);
    }

    /** The practice manager books with Grace, who is given the case if nobody holds it yet. */
    private BookingResult.Booked book(ReviewTestData data, long client, @Nullable Long partner, String type) {
        long typeId = jdbc.queryForObject("select id from appointment_type where code = ?", Long.class, type);
        var result = data.as("admin", () -> scheduling.book(new BookingRequest(client, partner, data.idOf("grace"),
                typeId, SessionFormat.ONLINE, null, FreeTimes.next(), null)));
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        return (BookingResult.Booked) result;
    }

    /** The session's hour passes and Grace marks it attended: therapy has started. */
    private void attend(ReviewTestData data, BookingResult.Booked booked) {
        SessionTimes.happened(jdbc, booked.session().id());
        data.as("grace", () -> changes.recordOutcome(AppointmentId.of(booked.session().id()),
                AppointmentState.ATTENDED));
    }

    private void assertStatus(long intakeId, IntakeStatus status) {
        assertThat(jdbc.queryForObject("select status from intake where id = ?", String.class, intakeId))
                .as("status of intake " + intakeId).isEqualTo(status.name());
    }
}
