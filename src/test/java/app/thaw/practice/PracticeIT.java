package app.thaw.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import app.thaw.base.ids.StaffId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.Application;
import app.thaw.IntegrationTest;
import app.thaw.base.PracticeSettings;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffActionRefused;
import app.thaw.security.StaffAdministration;

/** Running the practice: its details kept in the app and audited, operational reports, and a therapist's hand-over. */
@IntegrationTest
class PracticeIT {

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
    CaseAssignments assignments;

    @Autowired
    PracticeDetailsService details;

    @Autowired
    PracticeSettings settings;

    @Autowired
    ReportsService reports;

    @Autowired
    HandoverService handover;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thePracticeManagerKeepsTheDetailsEmailsUseAndEveryChangeIsAudited() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(PracticeDetailsRefused.class,
                () -> data.as("admin", () -> details.save(new PracticeDetailsForm("Thaw North", null, "call us",
                        "not-an-address", null, null, 400, List.of(200), settings.version()))));
        assertThat(refused.problems()).containsKeys(PracticeDetailsForm.Field.PHONE, PracticeDetailsForm.Field.EMAIL,
                PracticeDetailsForm.Field.NOTICE, PracticeDetailsForm.Field.REMINDERS);
        assertThatThrownBy(() -> data.as("amira", () -> details.details())).isInstanceOf(AccessDeniedException.class);
        try {
            data.as("admin", () -> details.save(new PracticeDetailsForm("Thaw North", "1 Quay Street\nSalford M3 4AB",
                    "0161 555 0101", "north@thaw.example", "Thaw North <north@thaw.example>",
                    "Thaw North\nWarm regards from the team", 24, List.of(2, 48), settings.version())));
            PracticeSettings.Values now = settings.current();
            assertThat(now.name()).isEqualTo("Thaw North");
            assertThat(now.addressLines()).containsExactly("1 Quay Street", "Salford M3 4AB");
            assertThat(now.clientNotice()).isEqualTo(Duration.ofHours(24));
            assertThat(now.reminderLeads()).containsExactly(Duration.ofHours(48), Duration.ofHours(2));
            assertThat(jdbc.queryForObject("select detail from audit_entry where action = 'SETTINGS_CHANGED' "
                    + "order by id desc limit 1", String.class)).startsWith("Practice details: name, address, phone")
                    .contains("notice period default → 24", "reminder times default → 48,2");

            // the next email carries the new details and signature
            var week = new WorkingWeekData(data, team, scheduling, jdbc);
            var client = data.submit(IntakeFixtures.completeAnswers("Eli " + ReviewTestData.uniqueWord()));
            long session = week.book(week.online(client.id(), week.therapist("Dr Mail " + ReviewTestData.uniqueWord()),
                    WorkingWeekData.at(WorkingWeekData.farMonday(), 10, 0))).id();
            assertThat(jdbc.queryForObject("select body_text from outbox_message where appointment_id = ? "
                    + "and kind = 'BOOKED'", String.class, session))
                    .contains("Warm regards from the team", "call us on 0161 555 0101");
        } finally {
            data.as("admin", () -> details.save(new PracticeDetailsForm(null, null, null, null, null, null, null,
                    List.of(), settings.version())));
        }
        assertThat(settings.current().name()).isEqualTo(settings.defaults().name());
    }

    @Test
    void reportsCountSessionsHoursLateCancellationsAndReferralsAndTheirCsvIsSafe() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        long therapist = week.therapist("=Dr Formula " + ReviewTestData.uniqueWord());
        var client = data.submit(IntakeFixtures.completeAnswers("Fin " + ReviewTestData.uniqueWord()));
        var far = WorkingWeekData.at(WorkingWeekData.farMonday(), 9, 0);
        ZonedDateTime lastWeek = ZonedDateTime.now(Application.PRACTICE_ZONE).minusDays(8).withHour(9).withMinute(0)
                .withSecond(0).withNano(0);
        long attended = week.book(week.online(client.id(), therapist, far)).id();
        long missed = week.book(week.online(client.id(), therapist, far.plusHours(2))).id();
        week.happened(attended, lastWeek);
        week.happened(missed, lastWeek.plusHours(2));
        data.as("admin", () -> changes.recordOutcome(AppointmentId.of(attended), AppointmentState.ATTENDED));
        data.as("admin", () -> changes.recordOutcome(AppointmentId.of(missed), AppointmentState.NO_SHOW));
        // cancelled by the client an hour before it was due: late
        long late = week.book(week.online(client.id(), therapist, far.plusHours(4))).id();
        data.as("admin", () -> changes.cancel(AppointmentId.of(late), true, "Client phoned"));
        jdbc.update("update appointment set starts_at = ?, ends_at = ?, cancelled_at = ? where id = ?",
                java.sql.Timestamp.from(lastWeek.plusHours(4).toInstant()),
                java.sql.Timestamp.from(lastWeek.plusHours(5).toInstant()),
                java.sql.Timestamp.from(lastWeek.plusHours(3).toInstant()), late);

        Reports report = data.as("admin", () -> reports.reports(4));
        String name = jdbc.queryForObject("select display_name from staff_account where id = ?", String.class,
                therapist);
        assertThat(report.sessions()).filteredOn(r -> r.therapist().equals(name)).extracting(
                Reports.SessionCounts::booked).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .isNotEmpty();
        int attendedCount = report.sessions().stream().filter(r -> r.therapist().equals(name))
                .mapToInt(Reports.SessionCounts::attended).sum();
        int missedCount = report.sessions().stream().filter(r -> r.therapist().equals(name))
                .mapToInt(Reports.SessionCounts::noShow).sum();
        assertThat(attendedCount).isEqualTo(1);
        assertThat(missedCount).isEqualTo(1);
        assertThat(report.therapists()).filteredOn(u -> u.name().equals(name)).singleElement()
                .satisfies(u -> assertThat(u.bookedMinutes()).isEqualTo(100));
        assertThat(report.lateCancellations()).filteredOn(r -> r.therapist().equals(name))
                .singleElement().satisfies(r -> {
                    assertThat(r.byClients()).isEqualTo(1);
                    assertThat(r.late()).isEqualTo(1);
                });
        assertThat(report.referrals()).extracting(Reports.Referrals::week).contains(LocalDate.now(
                Application.PRACTICE_ZONE).with(java.time.DayOfWeek.MONDAY));
        String csv = data.as("admin", () -> reports.csv(ReportsService.Report.SESSIONS, 4));
        assertThat(csv).startsWith("\"week\",\"therapist\"").contains("\"'" + name + "\"");
        assertThatThrownBy(() -> data.as("amira", () -> reports.reports(4))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTherapistIsDeactivatedOnlyOnceTheirSessionsAndCasesHaveGoneToSomeone() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        long leaving = week.therapist("Dr Leaving " + ReviewTestData.uniqueWord());
        long staying = week.therapist("Dr Staying " + ReviewTestData.uniqueWord());
        var client = data.submit(IntakeFixtures.completeAnswers("Pat " + ReviewTestData.uniqueWord()));
        var monday = WorkingWeekData.farMonday();
        long kept = week.book(week.online(client.id(), leaving, WorkingWeekData.at(monday, 10, 0))).id();
        long dropped = week.book(week.online(client.id(), leaving, WorkingWeekData.at(monday, 12, 0))).id();
        assertThat(data.as("admin", () -> handover.commitments(StaffId.of(leaving)))).satisfies(c -> {
            assertThat(c.sessions()).extracting(s -> s.id()).containsExactly(kept, dropped);
            assertThat(c.cases()).extracting(held -> held.intakeId()).containsExactly(client.id());
        });
        assertThatThrownBy(() -> data.as("admin", () -> handover.deactivate(StaffId.of(leaving))))
                .isInstanceOf(StaffActionRefused.class).hasMessageContaining("2 sessions to come")
                .hasMessageContaining("1 case in their hands");

        assertThat(data.as("admin", () -> handover.moveSession(AppointmentId.of(kept), StaffId.of(staying), null)))
                .isInstanceOf(BookingResult.Booked.class);
        data.as("admin", () -> handover.cancelSession(AppointmentId.of(dropped), "Dr Leaving is leaving the practice"));
        data.as("admin", () -> handover.reassignCase(IntakeId.of(client.id()), StaffId.of(staying), "Hand-over"));
        assertThat(data.as("admin", () -> handover.commitments(StaffId.of(leaving))).none()).isTrue();
        data.as("admin", () -> handover.deactivate(StaffId.of(leaving)));
        assertThat(jdbc.queryForObject("select active from staff_account where id = ?", Boolean.class, leaving))
                .isFalse();
        assertThat(jdbc.queryForObject("select therapist_id from appointment where id = ?", Long.class, kept))
                .isEqualTo(staying);
    }
}
