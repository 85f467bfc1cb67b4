package app.thaw.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import biweekly.Biweekly;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.TimeAwayId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.StaffId;
import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;

/**
 * The practice's working week in the diary's services: time away and working hours refuse bookings (a practice manager
 * may override, on record), adding time away lists the sessions in it, bank holidays are closed until opened, a session
 * goes to another therapist only where their diary allows, a client's request closes itself when the change is made,
 * and a series is one email.
 */
@IntegrationTest
class WorkingWeekIT {

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
    SessionChanges changes;

    @Autowired
    LeaveService leave;

    @Autowired
    DiarySetupService setup;

    @Autowired
    ClientRequestService requests;

    @Autowired
    JdbcTemplate jdbc;

    ReviewTestData data;
    WorkingWeekData week;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
        week = new WorkingWeekData(data, team, scheduling, jdbc);
    }

    @Test
    void timeAwayAndWorkingHoursRefuseBookingsUnlessTheManagerGivesAReason() {
        long therapist = week.therapist("Dr Hours " + ReviewTestData.uniqueWord());
        data.as("admin", () -> setup.addWorkingHours(StaffId.of(therapist), DayOfWeek.MONDAY, LocalTime.of(9, 0),
                LocalTime.of(17, 0)));
        var client = data.submit(IntakeFixtures.completeAnswers("Kim " + ReviewTestData.uniqueWord()));
        LocalDate monday = WorkingWeekData.farMonday();

        var evening = data.as("admin", () -> scheduling.book(week.online(client.id(), therapist,
                WorkingWeekData.at(monday, 18, 0))));
        assertThat(evening).isInstanceOfSatisfying(BookingResult.Unavailable.class, refused -> {
            assertThat(refused.message()).contains("outside").contains("working hours").contains("09:00–17:00");
            assertThat(refused.overridable()).isTrue();
        });
        assertThat(data.as("admin", () -> scheduling.book(week.online(client.id(), therapist,
                WorkingWeekData.at(monday.plusDays(1), 10, 0))))).isInstanceOfSatisfying(
                BookingResult.Unavailable.class, refused -> assertThat(refused.message())
                        .contains("does not work on Tuesdays"));
        SessionView booked = week.book(week.online(client.id(), therapist, WorkingWeekData.at(monday, 10, 0)));

        // a week away over the booked session: it is listed at once, and nothing more can be booked then
        var away = data.as("admin", () -> leave.addTimeAway(StaffId.of(therapist), monday, monday.plusDays(4), null,
                null,
                AwayReason.ANNUAL_LEAVE, "Family visit"));
        assertThat(away.affected()).extracting(SessionView::id).containsExactly(booked.id());
        var inLeave = data.as("admin", () -> scheduling.book(week.online(client.id(), therapist,
                WorkingWeekData.at(monday, 11, 0))));
        assertThat(inLeave).isInstanceOfSatisfying(BookingResult.Unavailable.class,
                refused -> assertThat(refused.message()).contains("is away then (Annual leave"));
        var overridden = data.as("admin", () -> scheduling.book(week.online(client.id(), therapist,
                WorkingWeekData.at(monday, 11, 0)).overriding("Client in crisis; agreed with the therapist")));
        assertThat(overridden).isInstanceOf(BookingResult.Booked.class);
        assertThat(data.audit(client.id())).anySatisfy(row -> assertThat((String) row.get("detail"))
                .contains("Booked anyway by the practice manager: Client in crisis; agreed with the therapist"));

        // moving the first session out of the time away leaves only the overridden one in it
        assertThat(data.as("admin", () -> changes.reschedule(AppointmentId.of(booked.id()),
                WorkingWeekData.at(monday.plusWeeks(1), 10,
                0), null))).isInstanceOf(BookingResult.Booked.class);
        assertThat(data.as("admin", () -> leave.sessionsDuring(StaffId.of(therapist), TimeAwayId.of(away.away().id()))))
                .extracting(SessionView::id).containsExactly(((BookingResult.Booked) overridden).session().id());

        // removed, the time is free again; part of a day is away only for those hours
        data.as("admin", () -> leave.removeTimeAway(StaffId.of(therapist), TimeAwayId.of(away.away().id())));
        week.book(week.online(client.id(), therapist, WorkingWeekData.at(monday, 13, 0)));
        LocalDate next = monday.plusWeeks(2);
        data.as("admin", () -> leave.addTimeAway(StaffId.of(therapist), next, next, LocalTime.of(13, 0),
                LocalTime.of(15, 0),
                AwayReason.TRAINING, null));
        assertThat(data.as("admin", () -> scheduling.book(week.online(client.id(), therapist,
                WorkingWeekData.at(next, 14, 0))))).isInstanceOf(BookingResult.Unavailable.class);
        week.book(week.online(client.id(), therapist, WorkingWeekData.at(next, 15, 0)));
        assertThat(jdbc.queryForList("select action from audit_entry where action in ('LEAVE_ADDED', "
                + "'LEAVE_REMOVED', 'WORKING_HOURS_CHANGED') and detail like ?", String.class, "%Dr Hours%"))
                .contains("WORKING_HOURS_CHANGED", "LEAVE_ADDED", "LEAVE_REMOVED");
    }

    @Test
    void extraHoursOpenOnlyTheirOwnWindowOnADayTheWeekLeavesFree() {
        long therapist = week.therapist("Dr Extra " + ReviewTestData.uniqueWord());
        LocalDate monday = WorkingWeekData.farMonday();
        LocalDate tuesday = monday.plusDays(1);
        data.as("admin", () -> {
            setup.addWorkingHours(StaffId.of(therapist), DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0));
            setup.addException(StaffId.of(therapist), tuesday, true, LocalTime.of(10, 0), LocalTime.of(12, 0), null);
        });
        var client = data.submit(IntakeFixtures.completeAnswers("Rui " + ReviewTestData.uniqueWord()));

        // the booking's one-query check and the full check agree: inside the extra window books, past its end does not
        week.book(week.online(client.id(), therapist, WorkingWeekData.at(tuesday, 10, 0)));
        assertThat(data.as("admin", () -> scheduling.book(week.online(client.id(), therapist,
                WorkingWeekData.at(tuesday, 11, 30))))).isInstanceOfSatisfying(BookingResult.Unavailable.class,
                refused -> assertThat(refused.message()).contains("outside").contains("10:00–12:00"));
        assertThat(data.as("admin", () -> scheduling.book(week.online(client.id(), therapist,
                WorkingWeekData.at(tuesday.plusWeeks(1), 10, 0))))).isInstanceOfSatisfying(
                BookingResult.Unavailable.class, refused -> assertThat(refused.message())
                        .contains("does not work on Tuesdays"));
        assertThat(jdbc.queryForObject("select status from intake where id = ?", String.class, client.id()))
                .isEqualTo("SCHEDULED");
    }

    @Test
    void aTherapistCannotOverrideTheirOwnTimeAway() {
        long therapist = week.therapist("Dr Self " + ReviewTestData.uniqueWord());
        String username = week.signInAs(therapist);
        var client = data.submit(IntakeFixtures.completeAnswers("Lee " + ReviewTestData.uniqueWord()));
        LocalDate monday = WorkingWeekData.farMonday();
        data.as(username, () -> leave.addTimeAway(StaffId.of(therapist), monday, monday, null, null,
                AwayReason.SICKNESS, null));
        var refused = data.as(username, () -> scheduling.book(week.online(client.id(), therapist,
                WorkingWeekData.at(monday, 10, 0)).overriding("I'll come in anyway")));
        assertThat(refused).isInstanceOfSatisfying(BookingResult.Unavailable.class,
                unavailable -> assertThat(unavailable.overridable()).isFalse());
    }

    @Test
    void timeAwayWithoutALastDayIsRefusedNotTakenForOneDay() {
        long therapist = week.therapist("Dr Blank " + ReviewTestData.uniqueWord());
        LocalDate monday = WorkingWeekData.farMonday();
        assertThatThrownBy(() -> data.as("admin", () -> leave.addTimeAway(StaffId.of(therapist), monday, null, null,
                null, AwayReason.ANNUAL_LEAVE, null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Choose the last day away.");
        assertThat(jdbc.queryForObject("select count(*) from time_away where therapist_id = ?", Integer.class,
                therapist)).isZero();
    }

    @Test
    void bankHolidaysAreClosedUntilTheManagerOpensOne() {
        long therapist = week.therapist("Dr Holiday " + ReviewTestData.uniqueWord());
        var client = data.submit(IntakeFixtures.completeAnswers("Ash " + ReviewTestData.uniqueWord()));
        LocalDate christmas = LocalDate.of(2030, 12, 25);
        assertThat(data.as("admin", () -> leave.closedDays(christmas, christmas)))
                .singleElement().satisfies(day -> {
                    assertThat(day.name()).isEqualTo("Christmas Day");
                    assertThat(day.bankHoliday()).isTrue();
                });
        assertThat(data.as("admin", () -> scheduling.book(week.online(client.id(), therapist,
                WorkingWeekData.at(christmas, 10, 0))))).isInstanceOfSatisfying(BookingResult.Unavailable.class,
                refused -> assertThat(refused.message()).isEqualTo(
                        "The practice is closed on Wed 25 Dec (Christmas Day)."));
        try {
            data.as("admin", () -> leave.setBankHolidayOpen(christmas, true));
            week.book(week.online(client.id(), therapist, WorkingWeekData.at(christmas, 10, 0)));
        } finally {
            data.as("admin", () -> leave.setBankHolidayOpen(christmas, false));
        }
        LocalDate training = LocalDate.of(2030, 7, 17);
        SessionView onTrainingDay = week.book(week.online(client.id(), therapist, WorkingWeekData.at(training, 9, 0)));
        try {
            assertThat(data.as("admin", () -> leave.closeDay(training, "Staff training day")))
                    .extracting(SessionView::id).contains(onTrainingDay.id());
        } finally {
            data.as("admin", () -> leave.removeClosure(training));
        }
        assertThat(jdbc.queryForList("select detail from audit_entry where action = 'CLOSED_DAY_CHANGED'",
                String.class)).anyMatch(detail -> detail.contains("Christmas Day") && detail.contains("opened"));
    }

    @Test
    void aSessionGoesToAnotherTherapistOnlyWhereTheirDiaryAllowsAndTheClientIsTold() {
        long first = week.therapist("Dr First " + ReviewTestData.uniqueWord());
        String secondName = "Dr Second " + ReviewTestData.uniqueWord();
        long second = week.therapist(secondName);
        data.as("admin", () -> setup.addWorkingHours(StaffId.of(second), DayOfWeek.MONDAY, LocalTime.of(9, 0),
                LocalTime.of(12, 0)));
        var client = data.submit(IntakeFixtures.completeAnswers("Jo " + ReviewTestData.uniqueWord()));
        LocalDate monday = WorkingWeekData.farMonday();
        SessionView afternoon = week.book(week.online(client.id(), first, WorkingWeekData.at(monday, 14, 0)));
        SessionView morning = week.book(week.online(client.id(), first, WorkingWeekData.at(monday, 10, 0)));
        var other = data.submit(IntakeFixtures.completeAnswers("Sky " + ReviewTestData.uniqueWord()));
        week.book(week.online(other.id(), second, WorkingWeekData.at(monday, 10, 30)));

        assertThat(data.as("admin", () -> changes.changeTherapist(AppointmentId.of(afternoon.id()),
                StaffId.of(second), null)))
                .isInstanceOfSatisfying(BookingResult.Unavailable.class,
                        refused -> assertThat(refused.message()).contains("outside").contains("09:00–12:00"));
        assertThat(data.as("admin", () -> changes.changeTherapist(AppointmentId.of(morning.id()),
                StaffId.of(second), null)))
                .isInstanceOfSatisfying(BookingResult.Conflict.class,
                        conflict -> assertThat(conflict.message()).contains(secondName));
        var given = data.as("admin", () -> changes.changeTherapist(AppointmentId.of(afternoon.id()), StaffId.of(second),
                "The client asked for the afternoon"));
        assertThat(given).isInstanceOfSatisfying(BookingResult.Booked.class,
                booked -> assertThat(booked.session().therapistName()).isEqualTo(secondName));
        List<Map<String, Object>> told = jdbc.queryForList("select subject, body_text from outbox_message "
                + "where appointment_id = ? and kind = 'CHANGED'", afternoon.id());
        assertThat(told).singleElement().satisfies(email -> {
            assertThat((String) email.get("subject")).contains("has changed");
            assertThat((String) email.get("body_text")).contains("With:  " + secondName);
        });
    }

    @Test
    void aClientsRequestClosesItselfWhenTheChangeIsMadeAndTheirStatusPageSaysSo() {
        long therapist = week.therapist("Dr Request " + ReviewTestData.uniqueWord());
        var client = data.submit(IntakeFixtures.completeAnswers("Max " + ReviewTestData.uniqueWord()));
        LocalDate monday = WorkingWeekData.farMonday();
        SessionView moving = week.book(week.online(client.id(), therapist, WorkingWeekData.at(monday, 10, 0)));
        SessionView dropping = week.book(week.online(client.id(), therapist, WorkingWeekData.at(monday, 12, 0)));
        String token = client.receipt().statusToken();
        clientStatus.requestAppointmentChange(token, AppointmentId.of(moving.id()), false, "Could we make it Tuesday?");
        clientStatus.requestAppointmentChange(token, AppointmentId.of(dropping.id()), false,
                "Could we move this one too?");
        assertThat(data.as("admin", requests::open)).extracting(r -> r.session().id())
                .contains(moving.id(), dropping.id());

        data.as("admin", () -> changes.reschedule(AppointmentId.of(moving.id()),
                WorkingWeekData.at(monday.plusDays(1), 10, 0),
                null));
        data.as("admin", () -> changes.cancel(AppointmentId.of(dropping.id()), false, "The client found another time"));

        assertThat(data.as("admin", requests::open)).extracting(r -> r.session().id())
                .doesNotContain(moving.id(), dropping.id());
        assertThat(clientStatus.requestUpdates(token)).extracting(app.thaw.intake.ClientAppointments.RequestUpdate::text).anySatisfy(text ->
                assertThat(text).startsWith("You asked to rearrange your session: done — it is now on Tuesday"))
                .anySatisfy(text -> assertThat(text).contains("done — it is cancelled"));
        assertThat(data.auditActions(client.id())).filteredOn("CLIENT_REQUEST_HANDLED"::equals).hasSize(2);
    }

    @Test
    void aWeeklySeriesIsOneEmailWithOneRecurringEventAndALaterMoveReplacesJustItsOccurrence() {
        long therapist = week.therapist("Dr Series " + ReviewTestData.uniqueWord());
        var client = data.submit(IntakeFixtures.completeAnswers("Ray " + ReviewTestData.uniqueWord()));
        String email = jdbc.queryForObject("select email from intake where id = ?", String.class, client.id());
        LocalDate monday = WorkingWeekData.farMonday();
        // the third Monday is taken by time away, so the series skips it
        data.as("admin", () -> leave.addTimeAway(StaffId.of(therapist), monday.plusWeeks(2), monday.plusWeeks(2),
                null, null,
                AwayReason.TRAINING, null));
        var series = data.as("admin", () -> scheduling.bookSeries(week.online(client.id(), therapist,
                WorkingWeekData.at(monday, 9, 0)), new Recurrence(false, 6, null)));
        assertThat(series.booked()).hasSize(5);
        assertThat(series.clashes()).singleElement()
                .satisfies(clash -> assertThat(clash.start().toLocalDate()).isEqualTo(monday.plusWeeks(2)));
        // the series' one email is keyed to its first session; the fixture's address is shared with other tests
        List<Map<String, Object>> emails = jdbc.queryForList("select body_text, ics from outbox_message "
                + "where lower(recipient) = lower(?) and kind = 'BOOKED' and appointment_id in (select id from "
                + "appointment where series_id = ?)", email, series.booked().getFirst().seriesId());
        String seriesUid = "series-" + series.booked().getFirst().seriesId() + "@thaw";
        assertThat(emails).singleElement().satisfies(sent -> {
            assertThat((String) sent.get("body_text")).contains("5 in all")
                    .as("the client's status link, email being safe for them")
                    .contains("/status/" + client.receipt().statusToken());
            String ics = (String) sent.get("ics");
            var calendar = Biweekly.parse(ics).first();
            assertThat(calendar.getEvents()).singleElement().satisfies(event -> {
                assertThat(event.getUid().getValue()).isEqualTo(seriesUid);
                assertThat(event.getRecurrenceRule().getValue().getCount()).isEqualTo(6);
                assertThat(event.getExceptionDates()).singleElement().satisfies(skipped -> assertThat(
                        skipped.getValues().getFirst().toInstant()).isEqualTo(WorkingWeekData.at(
                                monday.plusWeeks(2), 9, 0).toInstant()));
            });
            assertThat(ics).contains("DTSTART;TZID=Europe/London:" + monday.toString().replace("-", "") + "T090000");
        });

        SessionView fourth = series.booked().get(2);
        var moved = data.as("admin", () -> changes.reschedule(AppointmentId.of(fourth.id()),
                fourth.start().plusHours(2), null,
                "Client asked"));
        assertThat(moved).isInstanceOf(BookingResult.Booked.class);
        String changedIcs = jdbc.queryForObject("select ics from outbox_message where lower(recipient) = lower(?) "
                + "and kind = 'CHANGED' and appointment_id = ?", String.class, email, fourth.id());
        assertThat(changedIcs).contains("UID:" + seriesUid + "\r\n")
                .contains("RECURRENCE-ID;TZID=Europe/London:" + monday.plusWeeks(3).toString().replace("-", "")
                        + "T090000\r\n")
                .contains("DTSTART;TZID=Europe/London:" + monday.plusWeeks(3).toString().replace("-", "")
                        + "T110000\r\n")
                .contains("SEQUENCE:1\r\n");

        // moved again, it is still that same occurrence (its planned start never changes)
        data.as("admin", () -> changes.cancel(AppointmentId.of(fourth.id()), false, "Therapist unwell"));
        String cancelIcs = jdbc.queryForObject("select ics from outbox_message where lower(recipient) = lower(?) "
                + "and kind = 'CANCELLED' and appointment_id = ?", String.class, email, fourth.id());
        assertThat(cancelIcs).contains("METHOD:CANCEL").contains("UID:" + seriesUid)
                .contains("RECURRENCE-ID;TZID=Europe/London:" + monday.plusWeeks(3).toString().replace("-", "")
                        + "T090000");
    }
}
