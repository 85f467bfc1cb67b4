package app.thaw.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Timestamp;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.FreeTimes;
import app.thaw.IntegrationTest;
import app.thaw.LockWaits;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.CaseActionRefused;
import app.thaw.review.CareActions;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ClosureReason;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffAccountService;

/**
 * A booking and the closing of the same case at the same moment, each through the real service on its own connection:
 * whichever comes second sees the first, so a closed case never ends up with a session to come. The test holds a lock
 * the first of them needs, so each order is made to happen rather than hoped for.
 */
@IntegrationTest
class ClosingWhileBookingIT {

    @Autowired
    IntakeService intake;
    @Autowired
    StaffAccountService staff;
    @Autowired
    CaseOpeningService caseOpening;
    @Autowired
    CareActions care;
    @Autowired
    SchedulingService scheduling;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void aBookingThatWasWaitingWhenTheCaseClosedIsRefusedByTheClosedCaseGate() throws Exception {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = inReviewWithGrace(data, "Noor");
        long grace = data.idOf("grace");
        CompletableFuture<BookingResult> booking;
        // the booking has passed its gates (the case was open) and waits for its turn in Grace's diary
        try (Connection blocker = waits().holdingDiary(grace)) {
            booking = LockWaits.inOwnThread(() -> data.as("admin",
                    () -> scheduling.book(request(client.id(), grace))));
            waits().awaitBlockedBy(blocker, "the booking waits for Grace's diary");

            data.as("grace", () -> care.closeCase(IntakeId.of(client.id()), ClosureReason.CLIENT_WITHDREW, false));
            blocker.rollback();
        }
        BookingResult result = booking.get(30, TimeUnit.SECONDS);
        assertThat(result).isInstanceOf(BookingResult.Blocked.class);
        assertThat(((BookingResult.Blocked) result).refusal().message())
                .startsWith(client.reference() + "'s case is closed.");
        assertThat(status(client.id())).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select count(*) from appointment where intake_id = ?", Long.class,
                client.id())).as("no session for the closed case").isZero();
    }

    @Test
    void aClosingThatWasWaitingWhenTheSessionWasBookedIsRefusedAndTheCaseKeepsItsSession() throws Exception {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = inReviewWithGrace(data, "Iris");
        long grace = data.idOf("grace");
        CompletableFuture<BookingResult> booking;
        CompletableFuture<Void> closing;
        // the booking has written its session and waits to move the case to "scheduled"
        try (Connection blocker = waits().holding("select id from intake where id = " + client.id()
                + " for no key update")) {
            booking = LockWaits.inOwnThread(() -> data.as("admin",
                    () -> scheduling.book(request(client.id(), grace))));
            waits().awaitBlockedBy(blocker, "the booking waits for the case's row");

            closing = LockWaits.inOwnThread(() -> {
                data.as("grace", () -> care.closeCase(IntakeId.of(client.id()), ClosureReason.CLIENT_WITHDREW,
                        false));
                return null;
            });
            waits().awaitAdvisoryWait("the closing waits for the booking in flight", "hold_cases_from_booking");
            blocker.rollback();
        }
        assertThat(booking.get(30, TimeUnit.SECONDS)).isInstanceOf(BookingResult.Booked.class);
        try {
            closing.get(30, TimeUnit.SECONDS);
            throw new AssertionError("the case was closed with a session booked");
        } catch (ExecutionException refused) {
            assertThat(refused.getCause()).isInstanceOf(CaseActionRefused.class)
                    .hasMessageStartingWith(client.reference() + " still has a session booked");
        }
        assertThat(status(client.id())).isEqualTo("SCHEDULED");
    }

    @Test
    void theDatabaseRefusesASessionForAClosedCaseWrittenPastTheServices() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = inReviewWithGrace(data, "Remy");
        data.as("grace", () -> care.closeCase(IntakeId.of(client.id()), ClosureReason.CLIENT_WITHDREW, false));
        BookingRequest request = request(client.id(), data.idOf("grace"));
        Timestamp start = Timestamp.from(request.start().toInstant());
        Timestamp end = Timestamp.from(request.start().plusMinutes(50).toInstant());
        String insert = """
                insert into appointment (intake_id, therapist_id, type_id, format, starts_at, ends_at, state, sequence,
                                         created_at, version)
                values (?, ?, ?, 'ONLINE', ?, ?, ?, 0, now(), 0)""";

        assertThatThrownBy(() -> jdbc.update(insert, client.id(), request.therapistId(), request.typeId(), start, end,
                "BOOKED"))
                .isInstanceOf(PessimisticLockingFailureException.class)
                .rootCause().hasMessageContaining("had their case closed");
        // what a closed case may still hold: its history (a session recorded as attended)
        assertThat(jdbc.update(insert, client.id(), request.therapistId(), request.typeId(), start, end,
                "ATTENDED")).isOne();
        assertThatThrownBy(() -> jdbc.update("update appointment set state = 'BOOKED' where intake_id = ?",
                client.id())).isInstanceOf(PessimisticLockingFailureException.class);
    }

    private ReviewTestData.Submitted inReviewWithGrace(ReviewTestData data, String firstName) {
        var client = data.submit(IntakeFixtures.completeAnswers(firstName + " " + ReviewTestData.uniqueWord()));
        data.as("grace", () -> caseOpening.openCase(CaseReference.of(client.reference())));
        assertThat(status(client.id())).isEqualTo("IN_REVIEW");
        return client;
    }

    private LockWaits waits() {
        return new LockWaits(jdbc, dataSource);
    }

    private BookingRequest request(long intakeId, long therapistId) {
        long individual = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        return new BookingRequest(intakeId, null, therapistId, individual, SessionFormat.ONLINE, null,
                FreeTimes.next(), null);
    }

    private String status(long intakeId) {
        return jdbc.queryForObject("select status from intake where id = ?", String.class, intakeId);
    }
}
