package app.thaw.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.Application;
import app.thaw.IntegrationTest;
import app.thaw.LockWaits;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.StaffId;
import app.thaw.intake.ClientAppointments;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;

/**
 * A session cancelled on one screen (or app instance) while it is being moved or given to another therapist on
 * another: the change has read the session as booked and waits in its diary checks (the test holds the time-away
 * table, as the checks read it and a cancellation does not), the cancellation commits, then the change goes on. It
 * must find the session cancelled and leave it so: cancelled where it was, one email (the cancellation), and a
 * message naming who cancelled it.
 */
@IntegrationTest
class SessionChangeRaceIT {

    private static final String HOLD_DIARY_CHECKS = "lock table time_away in access exclusive mode";

    @Autowired
    IntakeService intake;
    @Autowired
    StaffAccountService staff;
    @Autowired
    StaffAdministration team;
    @Autowired
    SchedulingService scheduling;
    @Autowired
    SessionChanges changes;
    @Autowired
    DiarySetupService setup;
    @Autowired
    ClientStatusService clientStatus;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    ReviewTestData data;
    WorkingWeekData week;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
        week = new WorkingWeekData(data, team, scheduling, jdbc);
    }

    @Test
    void aMoveThatReadTheSessionBeforeItWasCancelledIsRefusedAndTheSessionStaysCancelledWhereItWas()
            throws Exception {
        String name = "Dr Still " + ReviewTestData.uniqueWord();
        long therapist = everydayTherapist(name);
        var client = data.submit(IntakeFixtures.completeAnswers("Olly " + ReviewTestData.uniqueWord()));
        LocalDate day = openDay(12);
        SessionView session = week.book(week.online(client.id(), therapist, WorkingWeekData.at(day, 13, 0)));

        BookingResult move = whileCancelled(session, therapist, () -> data.as("admin",
                () -> changes.reschedule(AppointmentId.of(session.id()), WorkingWeekData.at(day, 15, 0), null)));

        assertThat(move).isEqualTo(new BookingResult.Invalid("This session was cancelled by " + name
                + " a moment ago, so it can't be moved."));
        assertThat(jdbc.queryForObject("select state from appointment where id = ?", String.class, session.id()))
                .isEqualTo("CANCELLED");
        assertThat(startOf(session.id())).isEqualTo(session.start().toInstant());
        assertThat(emails(session.id(), "CHANGED")).as("no 'moved' email").isZero();
        assertThat(emails(session.id(), "CANCELLED")).isOne();
        assertThat(data.auditActions(client.id())).doesNotContain("SESSION_CHANGED");
    }

    @Test
    void aSessionCancelledWhileItWasBeingGivenToAnotherTherapistStaysWithItsTherapist() throws Exception {
        String name = "Dr Keep " + ReviewTestData.uniqueWord();
        long therapist = everydayTherapist(name);
        long other = everydayTherapist("Dr Other");
        var client = data.submit(IntakeFixtures.completeAnswers("Gina " + ReviewTestData.uniqueWord()));
        SessionView session = week.book(week.online(client.id(), therapist, WorkingWeekData.at(openDay(13), 11, 0)));

        BookingResult given = whileCancelled(session, therapist, () -> data.as("admin",
                () -> changes.changeTherapist(AppointmentId.of(session.id()), StaffId.of(other), null)));

        assertThat(given).isEqualTo(new BookingResult.Invalid("This session was cancelled by " + name
                + " a moment ago, so it can't be given to another therapist."));
        assertThat(jdbc.queryForObject("select therapist_id from appointment where id = ?", Long.class,
                session.id())).isEqualTo(therapist);
        assertThat(emails(session.id(), "CHANGED")).isZero();
    }

    @Test
    void aClientsMoveThatFoundItsTimeBeforeThePracticeCancelledIsRefusedKindly() throws Exception {
        long therapist = everydayTherapist("Dr Gone");
        var client = data.submit(IntakeFixtures.completeAnswers("Cleo " + ReviewTestData.uniqueWord()));
        String token = client.receipt().statusToken();
        SessionView session = week.book(week.online(client.id(), therapist, WorkingWeekData.at(openDay(14), 9, 0)));
        ClientAppointments.FreeTime wanted = clientStatus.freeTimes(token, AppointmentId.of(session.id()),
                openDay(6)).getFirst();

        ClientAppointments.Change move = whileCancelled(session, therapist,
                () -> clientStatus.moveAppointment(token, AppointmentId.of(session.id()), wanted.start()));

        assertThat(move.done()).isFalse();
        assertThat(move.message()).isEqualTo(ClientMoves.CHANGED);
        assertThat(startOf(session.id())).isEqualTo(session.start().toInstant());
        assertThat(emails(session.id(), "CHANGED")).isZero();
    }

    @Test
    void aSecondCancellationSaysWhoCancelledFirst() {
        String name = "Dr Twice " + ReviewTestData.uniqueWord();
        long therapist = everydayTherapist(name);
        var client = data.submit(IntakeFixtures.completeAnswers("Tam " + ReviewTestData.uniqueWord()));
        SessionView session = week.book(week.online(client.id(), therapist, WorkingWeekData.at(openDay(15), 10, 0)));
        data.as(week.signInAs(therapist), () -> changes.cancel(AppointmentId.of(session.id()), false, "Unwell"));

        var again = org.assertj.core.api.Assertions.catchThrowable(() -> data.as("admin",
                () -> changes.cancel(AppointmentId.of(session.id()), false, "Unwell")));

        assertThat(again).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("This session was cancelled by " + name + ", so there is nothing more to cancel.");
        assertThat(emails(session.id(), "CANCELLED")).isOne();
    }

    /**
     * Runs {@code change} until it waits in the diary checks, has the therapist cancel the session meanwhile, then
     * lets the change go on; what the change answered.
     */
    private <T> T whileCancelled(SessionView session, long therapist, Supplier<T> change) throws Exception {
        var waits = new LockWaits(jdbc, dataSource);
        String username = week.signInAs(therapist);
        CompletableFuture<T> changing;
        try (Connection blocker = waits.holding(HOLD_DIARY_CHECKS)) {
            changing = LockWaits.inOwnThread(change);
            waits.awaitBlockedBy(blocker, "the change has read the session and waits in its diary checks");
            data.as(username, () -> changes.cancel(AppointmentId.of(session.id()), false, "Therapist unwell"));
            blocker.rollback();
        }
        return changing.get(30, TimeUnit.SECONDS);
    }

    private java.time.Instant startOf(long appointmentId) {
        return jdbc.queryForObject("select starts_at from appointment where id = ?", Timestamp.class, appointmentId)
                .toInstant();
    }

    private int emails(long appointmentId, String kind) {
        return jdbc.queryForObject("select count(*) from outbox_message where appointment_id = ? and kind = ?",
                Integer.class, appointmentId, kind);
    }

    /** A therapist of the test's own who sees clients 08:00–20:00 every day of the week. */
    private long everydayTherapist(String name) {
        long therapist = week.therapist(name);
        for (DayOfWeek day : DayOfWeek.values()) {
            data.as("admin", () -> setup.addWorkingHours(StaffId.of(therapist), day, LocalTime.of(8, 0),
                    LocalTime.of(20, 0)));
        }
        return therapist;
    }

    /** The first day from {@code daysAhead} that the practice isn't closed (bank holidays). */
    private LocalDate openDay(int daysAhead) {
        LocalDate day = LocalDate.now(Application.PRACTICE_ZONE).plusDays(daysAhead);
        while (jdbc.queryForObject("select count(*) from closed_day where day = ? and not open", Integer.class,
                day) > 0) {
            day = day.plusDays(1);
        }
        return day;
    }
}
