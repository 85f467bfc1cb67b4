package app.thaw.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.FreeTimes;
import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReviewTestData;

/**
 * What a booking leaves behind. Issue 12 point 9 and issue 15 point 10: a case's assignment and each booking, move,
 * change of therapist and cancellation of its session are on the audit trail under the case's reference (the diary
 * once booked with an empty one), by whoever did it. Issue 13 point 7 and issue 15 point 7: the confirmation goes by
 * email, with the client's status link, only to a client who said email is safe.
 */
@IntegrationTest
class SessionAuditTrailIT {

    private static final List<String> CHANGES = List.of("CASE_ASSIGNED", "SESSION_BOOKED", "SESSION_CHANGED",
            "SESSION_CANCELLED");

    @Autowired
    IntakeService intake;

    @Autowired
    UserDetailsService staff;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    SessionChanges changes;

    @Autowired
    CaseAssignments assignments;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyAssignmentBookingMoveAndCancellationIsAuditedWithTheCaseReference() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = data.submit(IntakeFixtures.completeAnswers("Audra " + ReviewTestData.uniqueWord()));
        long amira = data.idOf("amira");
        long tom = data.idOf("tom");
        long type = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        ZonedDateTime start = FreeTimes.next();
        ZonedDateTime later = FreeTimes.next();

        data.as("admin", () -> assignments.reassign(IntakeId.of(client.id()), StaffId.of(amira), "Amira has space on Mondays"));
        assertThat(data.as("admin", () -> scheduling.book(new BookingRequest(client.id(), null, amira, type,
                SessionFormat.ONLINE, null, start, null)))).isInstanceOf(BookingResult.Booked.class);
        long session = jdbc.queryForObject("select id from appointment where intake_id = ? and state = 'BOOKED'",
                Long.class, client.id());
        assertThat(data.as("amira", () -> changes.reschedule(AppointmentId.of(session), later, null)))
                .isInstanceOf(BookingResult.Booked.class);
        assertThat(data.as("admin", () -> changes.changeTherapist(AppointmentId.of(session), StaffId.of(tom), null)))
                .isInstanceOf(BookingResult.Booked.class);
        data.as("tom", () -> changes.cancel(AppointmentId.of(session), false, "The practice is closed that day"));

        List<Map<String, Object>> trail = data.audit(client.id()).stream()
                .filter(row -> CHANGES.contains((String) row.get("action"))).toList();
        assertThat(trail).extracting(row -> row.get("action")).containsSubsequence("CASE_ASSIGNED", "SESSION_BOOKED",
                "SESSION_CHANGED", "SESSION_CHANGED", "SESSION_CANCELLED");
        assertThat(trail).allSatisfy(row -> {
            assertThat(row.get("case_reference")).as(row.get("action") + "").isEqualTo(client.reference());
            assertThat(row.get("actor_name")).as(row.get("action") + "").isNotNull();
        });
        assertThat(trail).extracting(row -> row.get("actor_name")).contains("Tom Whitfield", "Dr Amira Khan");
    }

    @Test
    void aConfirmationWithTheStatusLinkGoesOnlyToAClientWhoSaidEmailIsSafe() {
        var data = new ReviewTestData(intake, staff, jdbc);
        long amira = data.idOf("amira");
        long type = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        String safeEmail = "safe-" + ReviewTestData.uniqueWord().toLowerCase() + "@example.org";
        String quietEmail = "quiet-" + ReviewTestData.uniqueWord().toLowerCase() + "@example.org";
        var safe = data.submit(IntakeFixtures.completeAnswers("Sunny " + ReviewTestData.uniqueWord())
                .with("about.email", safeEmail));
        var quiet = data.submit(IntakeFixtures.completeAnswers("Wren " + ReviewTestData.uniqueWord())
                .with("about.email", quietEmail).with("about.contact_safe", "phone"));

        for (var client : List.of(safe, quiet)) {
            assertThat(data.as("admin", () -> scheduling.book(new BookingRequest(client.id(), null, amira, type,
                    SessionFormat.ONLINE, null, FreeTimes.next(), null)))).isInstanceOf(BookingResult.Booked.class);
        }

        assertThat(jdbc.queryForList("select body_text from outbox_message where lower(recipient) = ? "
                + "and kind = 'BOOKED'", String.class, safeEmail)).singleElement().asString()
                .contains("/status/" + safe.receipt().statusToken());
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where lower(recipient) = ?",
                Integer.class, quietEmail)).as("nothing at all by email to a client who said it isn't safe").isZero();
    }
}
