package app.thaw.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.StaffId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;

/**
 * A session running past midnight is outside working hours like any other late one: it was taken as always free,
 * so 23:30 on a 09:00–17:00 day was booked (and a session moved there) while 23:00 was refused.
 */
@IntegrationTest
class LateSessionsIT {

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
    JdbcTemplate jdbc;

    @Test
    void aSessionRunningPastMidnightIsOutsideTheDaysHours() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        long therapist = week.therapist("Dr Late " + ReviewTestData.uniqueWord());
        LocalDate monday = WorkingWeekData.farMonday();
        for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY}) {
            data.as("admin", () -> setup.addWorkingHours(StaffId.of(therapist), day, LocalTime.of(9, 0),
                    LocalTime.of(17, 0)));
        }
        var client = data.submit(IntakeFixtures.completeAnswers("Noa " + ReviewTestData.uniqueWord()));

        // 23:30 until after midnight, and a session ending exactly at midnight: 00:00 is not early in the morning
        for (ZonedDateTime late : new ZonedDateTime[] {WorkingWeekData.at(monday, 23, 30),
                WorkingWeekData.at(monday, 23, 10)}) {
            assertThat(data.as("admin", () -> scheduling.book(week.online(client.id(), therapist, late))))
                    .as("a session from %s", late.toLocalTime())
                    .isInstanceOfSatisfying(BookingResult.Unavailable.class, refused -> {
                        assertThat(refused.message()).contains("outside", "working hours", "09:00–17:00");
                        assertThat(refused.overridable()).isTrue();
                    });
        }

        SessionView booked = week.book(week.online(client.id(), therapist, WorkingWeekData.at(monday, 10, 0)));
        assertThat(data.as("admin", () -> changes.reschedule(AppointmentId.of(booked.id()),
                WorkingWeekData.at(monday, 23, 45), null))).isInstanceOf(BookingResult.Unavailable.class);
        assertThat(jdbc.queryForObject("select extract(hour from starts_at at time zone 'Europe/London') "
                + "from appointment where id = ?", Integer.class, booked.id())).isEqualTo(10);

        // the practice manager may still book it, with a reason on record, as for any time outside the hours
        assertThat(data.as("admin", () -> scheduling.book(week.online(client.id(), therapist,
                WorkingWeekData.at(monday, 23, 30)).overriding("Crisis session agreed with the therapist"))))
                .isInstanceOf(BookingResult.Booked.class);
    }
}
