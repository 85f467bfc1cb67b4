package app.thaw.review;

import static app.thaw.intake.IntakeFixtures.completeAnswers;
import static app.thaw.intake.IntakeFixtures.couplesAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.caseaccess.CaseNotFound;

/** Assigning cases: only to an active therapist, and a couple's two intakes always to the same one. */
@IntegrationTest
class CaseAssignmentIT extends ReviewTestSupport {

    @Test
    @WithUserDetails("amira")
    void aCaseGoesOnlyToAnActiveTherapistAndTheHistoryNamesThemAsTheStaffListDoes() {
        var submitted = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Assigned"));

        assertThatThrownBy(() -> assignments.assign(IntakeId.of(submitted.id()), StaffId.of(data.idOf("admin"))))
                .isInstanceOf(CaseActionRefused.class);
        assertThatThrownBy(() -> assignments.assign(IntakeId.of(submitted.id()), StaffId.of(987_654_321L)))
                .isInstanceOf(CaseActionRefused.class);
        assignments.assign(IntakeId.of(submitted.id()), StaffId.of(data.idOf("grace")));

        assertThat(jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?",
                Long.class, submitted.id())).isEqualTo(data.idOf("grace"));
        assertThat(data.audit(submitted.id()).getLast()).containsEntry("action", "CASE_ASSIGNED")
                .containsEntry("detail", "Assigned to Grace Okafor");
        assertThat(data.as("grace", () -> caseOpening.openCase(CaseReference.of(submitted.reference()))).orElseThrow()
                .state()
                .assigneeName()).isEqualTo("Grace Okafor");
    }

    @Test
    void assigningOnePartnerAssignsBothAndTheCaseShowsThePartnerWithTheWidestGaps() {
        String word = ReviewTestData.uniqueWord();
        var first = data.submit(couplesAnswers(word + " First").with("mood.flat", "0"));
        var second = data.submit(couplesAnswers(word + " Second").with("mood.flat", "3")
                .with("relationship.distance", "0").with("burnout.exhaustion", "3").with("numbness.numb", "3"));
        // the second intake above is standalone; the real partner comes through the invitation
        var partner = data.submitPartner(first.receipt().partnerInvitationToken(),
                couplesAnswers(word + " Partner").with("mood.flat", "3").with("relationship.distance", "0")
                        .with("burnout.exhaustion", "3").with("numbness.numb", "3"));
        assertThat(partner.receipt().partnerIntake()).isTrue();

        data.as("amira", () -> assignments.assignToMe(IntakeId.of(first.id())));

        CaseDetail detail = data.as("amira", () -> caseOpening.openCase(CaseReference.of(first.reference())))
                .orElseThrow();
        assertThat(detail.partner()).isNotNull();
        assertThat(detail.partner().reference()).isEqualTo(partner.reference());
        assertThat(detail.mostDifferentItems()).first().isEqualTo("mood.flat");
        assertThat(detail.mostDifferentItems()).containsExactlyInAnyOrder("mood.flat", "relationship.distance",
                "burnout.exhaustion");
        CaseDetail partnersSide = data.as("amira", () -> caseOpening.openCase(CaseReference.of(partner.reference())))
                .orElseThrow();
        assertThat(partnersSide.state().assigneeName()).isEqualTo("Dr Amira Khan");
        assertThat(partnersSide.partner().reference()).isEqualTo(first.reference());
        assertThat(data.auditActions(partner.id())).contains("CASE_ASSIGNED", "CASE_OPENED");
        assertThat(data.audit(partner.id()).stream().filter(row -> row.get("action").equals("CASE_OPENED"))
                .map(row -> (String) row.get("detail")).toList())
                .contains("Shown beside partner's intake " + first.reference());
        assertThat(data.as("tom", () -> caseOpening.openCase(CaseReference.of(partner.reference())))).isEmpty();
        assertThat(data.as("tom", () -> refs(anyStatus(word))))
                .containsExactly(second.reference());

        data.as("amira", () -> assignments.assign(IntakeId.of(partner.id()), null));
        assertThat(data.as("tom", () -> refs(anyStatus(word))))
                .containsExactlyInAnyOrder(first.reference(), second.reference(), partner.reference());
        CaseDetail standalone = data.as("amira", () -> caseOpening.openCase(CaseReference.of(second.reference())))
                .orElseThrow();
        assertThat(standalone.partner()).isNull();
        assertThat(standalone.mostDifferentItems()).isEmpty();
    }

    @Test
    void aPartnerWhoJoinsLaterGoesToTheTherapistWhoAlreadyHasTheCase() {
        String word = ReviewTestData.uniqueWord();
        var first = data.submit(couplesAnswers(word + " Early"));
        data.as("amira", () -> assignments.assignToMe(IntakeId.of(first.id())));

        var partner = data.submitPartner(first.receipt().partnerInvitationToken(), couplesAnswers(word + " Late"));

        assertThat(data.audit(partner.id())).extracting(row -> row.get("action"), row -> row.get("actor_name"),
                row -> row.get("detail")).containsExactly(
                tuple("INTAKE_SUBMITTED", "system", null),
                tuple("CASE_ASSIGNED", "system",
                        "Assigned to Dr Amira Khan with the partner's intake"));
        assertThat(data.as("tom", () -> refs(anyStatus(word)))).isEmpty();
        assertThat(data.as("tom", () -> caseOpening.openCase(CaseReference.of(partner.reference())))).isEmpty();
        assertThatThrownBy(() -> data.as("tom", () -> assignments.assignToMe(IntakeId.of(partner.id()))))
                .isInstanceOf(CaseNotFound.class);
        assertThat(data.as("admin", () -> reviewQueue.queue(anyStatus(word), QueueSort.DEFAULT, null, 10)))
                .extracting(QueueRow::assigneeName).containsExactly("Dr Amira Khan", "Dr Amira Khan");
        CaseDetail detail = data.as("amira", () -> caseOpening.openCase(CaseReference.of(partner.reference())))
                .orElseThrow();
        assertThat(detail.partner().reference()).isEqualTo(first.reference());
    }
}
