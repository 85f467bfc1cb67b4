package app.thaw.scheduling;

import static app.thaw.Races.race;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.StaffId;
import app.thaw.Application;
import app.thaw.IntegrationTest;
import app.thaw.intake.ClientAppointments;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.practice.Reports;
import app.thaw.practice.ReportsService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;

/**
 * A client moving or cancelling their own session through their status link, through the real services and database:
 * only the therapist's free times (never today), never inside the notice period (a late cancellation is recorded as
 * such and counted), a time gone stale or forged is refused kindly, and a client racing staff for a time gives exactly
 * one session there.
 */
@IntegrationTest
class ClientSelfServiceIT {

    @Autowired
    IntakeService intake;

    @Autowired
    ClientStatusService clientStatus;

    @Autowired
    StaffAccountService staff;

    @Autowired
    StaffAdministration team;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    DiarySetupService setup;

    @Autowired
    LeaveService leave;

    @Autowired
    ReportsService reports;

    @Autowired
    JdbcTemplate jdbc;

    ReviewTestData data;
    WorkingWeekData week;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
        week = new WorkingWeekData(data, team, scheduling, jdbc);
    }

    /** A therapist of the test's own who sees clients 08:00–20:00 every day of the week. */
    private long everydayTherapist(String name) {
        long therapist = week.therapist(name + " " + ReviewTestData.uniqueWord());
        for (DayOfWeek day : DayOfWeek.values()) {
            data.as("admin", () -> setup.addWorkingHours(StaffId.of(therapist), day, LocalTime.of(8, 0),
                    LocalTime.of(20, 0)));
        }
        return therapist;
    }

    private static LocalDate today() {
        return LocalDate.now(Application.PRACTICE_ZONE);
    }

    /** The first day from {@code daysAhead} that the practice isn't closed (bank holidays). */
    private LocalDate openDay(int daysAhead) {
        LocalDate day = today().plusDays(daysAhead);
        while (jdbc.queryForObject("select count(*) from closed_day where day = ? and not open", Integer.class,
                day) > 0) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Test
    void aClientMovesTheirSessionToAFreeTimeAndIsToldKindlyWhenTheTimeHasGone() {
        long therapist = everydayTherapist("Dr Move");
        var client = data.submit(IntakeFixtures.completeAnswers("Mo " + ReviewTestData.uniqueWord()));
        String token = client.receipt().statusToken();
        LocalDate day = openDay(6);
        SessionView session = week.book(week.online(client.id(), therapist, WorkingWeekData.at(day, 10, 0)));
        data.as("admin", () -> leave.addTimeAway(StaffId.of(therapist), today().plusDays(3), today().plusDays(3),
                null, null,
                AwayReason.TRAINING, null));

        ClientAppointments.Session shown = clientStatus.appointments(token).getFirst();
        assertThat(shown.movableOnline()).isTrue();
        assertThat(shown.late()).isFalse();
        List<ClientAppointments.FreeTime> free = clientStatus.freeTimes(token, AppointmentId.of(session.id()), null);
        assertThat(free).isNotEmpty().allSatisfy(time -> {
            assertThat(time.start().toLocalDate()).as("never today").isAfter(today());
            assertThat(time.start().toLocalDate()).as("never in time away").isNotEqualTo(today().plusDays(3));
            assertThat(time.start().toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(19, 10));
            assertThat(time.where()).isEqualTo("Online");
        });
        assertThat(free).noneMatch(time -> time.start().isBefore(session.end()) && session.start().isBefore(time.end()));
        // a day the client types: the list starts there
        assertThat(clientStatus.freeTimes(token, AppointmentId.of(session.id()), day.plusDays(2)))
                .allSatisfy(time -> assertThat(time.start().toLocalDate()).isAfterOrEqualTo(day.plusDays(2)));

        // staff book another client into the first free time while the client is still choosing: it has gone
        ClientAppointments.FreeTime taken = free.getFirst();
        var other = data.submit(IntakeFixtures.completeAnswers("Walk " + ReviewTestData.uniqueWord()));
        week.book(week.online(other.id(), therapist, taken.start()));
        var stale = clientStatus.moveAppointment(token, AppointmentId.of(session.id()), taken.start());
        assertThat(stale.done()).isFalse();
        assertThat(stale.message()).isEqualTo(ClientMoves.GONE);
        // a time that was never offered (a forged form, 03:00) is refused the same way
        var forged = clientStatus.moveAppointment(token, AppointmentId.of(session.id()),
                WorkingWeekData.at(day.plusDays(1), 3, 0));
        assertThat(forged.done()).isFalse();
        // another client's link cannot move it, and learns nothing about it
        var stranger = data.submit(IntakeFixtures.completeAnswers("Stranger " + ReviewTestData.uniqueWord()));
        var refused = clientStatus.moveAppointment(stranger.receipt().statusToken(), AppointmentId.of(session.id()),
                free.get(1).start());
        assertThat(refused.done()).isFalse();
        assertThat(refused.message()).isEqualTo(ClientMoves.NOT_FOUND);
        assertThat(clientStatus.freeTimes(stranger.receipt().statusToken(), AppointmentId.of(session.id()),
                null)).isEmpty();

        ClientAppointments.FreeTime chosen = clientStatus.freeTimes(token, AppointmentId.of(session.id()),
                null).getFirst();
        var moved = clientStatus.moveAppointment(token, AppointmentId.of(session.id()), chosen.start());
        assertThat(moved.done()).as(moved.message()).isTrue();
        assertThat(moved.message()).startsWith("Your session has moved from");
        assertThat(jdbc.queryForObject("select starts_at from appointment where id = ?", Timestamp.class,
                session.id()).toInstant()).isEqualTo(chosen.start().toInstant());
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where appointment_id = ? "
                + "and kind = 'CHANGED'", Integer.class, session.id())).isEqualTo(1);
        assertThat(data.auditActions(client.id())).contains("SESSION_CHANGED");
    }

    @Test
    void insideTheNoticePeriodTheSessionCannotMoveOnlineAndACancellationIsRecordedLateAndCounted() {
        long therapist = everydayTherapist("Dr Late");
        var client = data.submit(IntakeFixtures.completeAnswers("Lou " + ReviewTestData.uniqueWord()));
        String token = client.receipt().statusToken();
        ZonedDateTime soon = ZonedDateTime.now(Application.PRACTICE_ZONE).plusHours(30).truncatedTo(ChronoUnit.HOURS);
        SessionView session = week.book(new BookingRequest(client.id(), null, therapist, week.type("INDIVIDUAL"),
                SessionFormat.ONLINE, null, soon, null, "Test: a session a day and a bit away"));

        ClientAppointments.Session shown = clientStatus.appointments(token).getFirst();
        assertThat(shown.late()).isTrue();
        assertThat(shown.movableOnline()).isFalse();
        assertThat(shown.cancellableOnline()).isTrue();
        assertThat(clientStatus.freeTimes(token, AppointmentId.of(session.id()), null)).isEmpty();
        var move = clientStatus.moveAppointment(token, AppointmentId.of(session.id()), soon.plusDays(3));
        assertThat(move.done()).isFalse();
        assertThat(move.message()).contains("less than 48 hours away");

        String said = clientStatus.requestAppointmentChange(token, AppointmentId.of(session.id()), true, null);
        assertThat(said).contains("is cancelled as a late cancellation");
        assertThat(jdbc.queryForMap("select state, cancel_kind, cancelled_by_client from appointment where id = ?",
                session.id())).containsEntry("state", "CANCELLED").containsEntry("cancel_kind", "LATE")
                .containsEntry("cancelled_by_client", true);

        // the report counts it late because it was late when made, whatever the times say afterwards
        ZonedDateTime lastWeek = ZonedDateTime.now(Application.PRACTICE_ZONE).minusDays(8).withHour(12)
                .truncatedTo(ChronoUnit.HOURS);
        jdbc.update("update appointment set starts_at = ?, ends_at = ?, cancelled_at = ? where id = ?",
                Timestamp.from(lastWeek.toInstant()), Timestamp.from(lastWeek.plusMinutes(50).toInstant()),
                Timestamp.from(lastWeek.minusDays(5).toInstant()), session.id());
        String name = jdbc.queryForObject("select display_name from staff_account where id = ?", String.class,
                therapist);
        Reports report = data.as("admin", () -> reports.reports(4));
        assertThat(report.lateCancellations()).filteredOn(r -> r.therapist().equals(name)).singleElement()
                .satisfies(r -> assertThat(r.late()).isEqualTo(1));
    }

    @Test
    void aRearrangeRequestInsideTheNoticePeriodIsMarkedLate() {
        long therapist = everydayTherapist("Dr Ask");
        var client = data.submit(IntakeFixtures.completeAnswers("Ash " + ReviewTestData.uniqueWord()));
        ZonedDateTime soon = ZonedDateTime.now(Application.PRACTICE_ZONE).plusHours(20).truncatedTo(ChronoUnit.HOURS);
        SessionView session = week.book(new BookingRequest(client.id(), null, therapist, week.type("INDIVIDUAL"),
                SessionFormat.ONLINE, null, soon, null, "Test: tomorrow"));

        String said = clientStatus.requestAppointmentChange(client.receipt().statusToken(),
                AppointmentId.of(session.id()), false,
                "Any evening next week");

        assertThat(said).contains("may count as a late cancellation");
        assertThat(jdbc.queryForObject("select late from appointment_request where appointment_id = ?",
                Boolean.class, session.id())).isTrue();
    }

    @Test
    void aClientMovingWhileStaffBookTheSameTimeGivesExactlyOneSessionThere() throws Exception {
        long therapist = everydayTherapist("Dr Race");
        for (int round = 0; round < 3; round++) {
            var client = data.submit(IntakeFixtures.completeAnswers("Rae " + ReviewTestData.uniqueWord()));
            SessionView session = week.book(week.online(client.id(), therapist,
                    WorkingWeekData.at(openDay(9 + round), 8, 0)));
            ClientAppointments.FreeTime wanted = clientStatus.freeTimes(client.receipt().statusToken(),
                    AppointmentId.of(session.id()),
                    openDay(4)).getFirst();
            var walkIn = data.submit(IntakeFixtures.completeAnswers("Walk " + ReviewTestData.uniqueWord()));

            List<Object> outcomes = race(
                    () -> clientStatus.moveAppointment(client.receipt().statusToken(),
                            AppointmentId.of(session.id()), wanted.start()),
                    () -> data.as("admin", () -> scheduling.book(week.online(walkIn.id(), therapist,
                            wanted.start()))));

            var move = (ClientAppointments.Change) outcomes.get(0);
            var booking = (BookingResult) outcomes.get(1);
            assertThat(move.done() ^ booking instanceof BookingResult.Booked).as(outcomes.toString()).isTrue();
            assertThat(jdbc.queryForObject("select count(*) from appointment where therapist_id = ? and starts_at = ? "
                    + "and state <> 'CANCELLED'", Integer.class, therapist, Timestamp.from(wanted.start().toInstant())))
                    .isEqualTo(1);
            if (!move.done()) {
                assertThat(move.message()).isEqualTo(ClientMoves.GONE);
                assertThat(jdbc.queryForObject("select starts_at from appointment where id = ?", Timestamp.class,
                        session.id()).toInstant()).isEqualTo(session.start().toInstant());
            }
        }
    }
}
