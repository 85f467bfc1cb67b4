package app.thaw.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffActionRefused;
import app.thaw.security.StaffRole;

/**
 * Only a therapist sees clients: a therapist made clinical lead or practice manager hands their clients over first,
 * as one who leaves does, and the database gives no session or case to someone in another role.
 */
@IntegrationTest
class ChangingRoleWithClientsIT extends DepartureTestSupport {

    @Test
    void aTherapistWithACaseInHandBecomesClinicalLeadOnlyOnceItIsHandedOver() {
        String name = "Dr Promoted " + ReviewTestData.uniqueWord();
        long therapist = week.therapist(name);
        var client = data.submit(IntakeFixtures.completeAnswers("Max " + ReviewTestData.uniqueWord()));
        data.as("admin", () -> handover.reassignCase(IntakeId.of(client.id()), StaffId.of(therapist), "Caseload"));

        assertThatThrownBy(() -> data.as("admin", () -> team.changeRole(StaffId.of(therapist),
                StaffRole.CLINICAL_LEAD))).isInstanceOf(StaffActionRefused.class).hasMessage(name + " still has 1 case "
                + "in their hands. Hand them over first (Team › " + name + " › Hand over and deactivate), then change "
                + "their role.");
        assertThat(role(therapist)).isEqualTo("THERAPIST");

        data.as("admin", () -> handover.reassignCase(IntakeId.of(client.id()), StaffId.of(data.idOf("amira")),
                "Hand-over: promoted"));
        data.as("admin", () -> team.changeRole(StaffId.of(therapist), StaffRole.CLINICAL_LEAD));
        assertThat(role(therapist)).isEqualTo("CLINICAL_LEAD");
    }

    @Test
    void theDatabaseGivesNoSessionOrCaseToSomeoneWhoIsNotATherapist() {
        long manager = week.therapist("Dr Manager " + ReviewTestData.uniqueWord());
        data.as("admin", () -> team.changeRole(StaffId.of(manager), StaffRole.ADMIN));
        var client = data.submit(IntakeFixtures.completeAnswers("Ned " + ReviewTestData.uniqueWord()));
        Instant start = WorkingWeekData.at(WorkingWeekData.farMonday(), 16, 0).toInstant();

        assertThatThrownBy(() -> jdbc.update("""
                insert into appointment (intake_id, therapist_id, type_id, format, starts_at, ends_at, created_at)
                values (?, ?, ?, 'ONLINE', ?, ?, now())""", client.id(), manager, week.type("INDIVIDUAL"),
                Timestamp.from(start), Timestamp.from(start.plus(50, ChronoUnit.MINUTES))))
                .hasMessageContaining("no longer active");
        assertThatThrownBy(() -> jdbc.update("update review_case set assigned_therapist_id = ? where intake_id = ?",
                manager, client.id())).hasMessageContaining("no longer active");
        assertThatThrownBy(() -> jdbc.update("""
                insert into held_slot (therapist_id, type_id, format, starts_at, ends_at, held_until, created_at)
                values (?, ?, 'ONLINE', ?, ?, ?, now())""", manager, week.type("INDIVIDUAL"), Timestamp.from(start),
                Timestamp.from(start.plus(50, ChronoUnit.MINUTES)), Timestamp.from(start)))
                .hasMessageContaining("no longer active");
    }
}
