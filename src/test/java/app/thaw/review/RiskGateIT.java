package app.thaw.review;

import static app.thaw.intake.IntakeFixtures.completeAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.caseaccess.CaseNotFound;

/** The risk gate: an urgent case is locked until a therapist reviews the risk, and that therapist takes the case. */
@IntegrationTest
class RiskGateIT extends ReviewTestSupport {

    @Test
    @WithUserDetails("amira")
    void anUrgentCaseIsLockedUntilATherapistHasReviewedTheRisk() {
        var submitted = data.submit(urgent(completeAnswers(ReviewTestData.uniqueWord() + " Locked")));
        long id = submitted.id();
        assertThat(submitted.receipt().urgent()).isTrue();

        CaseDetail before = caseOpening.openCase(CaseReference.of(submitted.reference())).orElseThrow();
        assertThat(before.state().needsRiskReview(before.intake().urgent())).isTrue();
        assertThat(before.intake().riskFlags()).extracting(flag -> flag.ruleId()).containsExactly("not_safe_now");
        for (Runnable action : List.<Runnable>of(
                () -> caseWork.addNote(IntakeId.of(id), "A note"),
                () -> factorService.decideFactor(IntakeId.of(id), "anxiety", FactorDecisionKind.ADDED),
                () -> referrals.decideReferral(IntakeId.of(id), ReferralKind.CRISIS_SERVICE, "Crisis team", null),
                () -> care.addToWaitingList(IntakeId.of(id), false),
                () -> assignments.assignToMe(IntakeId.of(id)),
                () -> letterService.referralLetter(IntakeId.of(id)))) {
            assertThatThrownBy(action::run).isInstanceOf(CaseActionRefused.class)
                    .hasMessageContaining("Review the risk first");
        }
        assertThatThrownBy(() -> caseWork.acknowledgeRisk(IntakeId.of(id),
                "   ")).isInstanceOf(CaseActionRefused.class);
        assertThatThrownBy(() -> caseWork.acknowledgeRisk(IntakeId.of(id), null)).isInstanceOf(CaseActionRefused.class);
        assertThatThrownBy(() -> caseWork.acknowledgeRisk(IntakeId.of(id),
                "x".repeat(1001))).isInstanceOf(CaseActionRefused.class);
        // nothing changed the case: opening it put it in review; no denial, since nobody asked for its session notes
        assertThat(data.auditActions(id)).containsExactly("INTAKE_SUBMITTED", "CASE_OPENED", "STATUS_CHANGED");
        assertThat(jdbc.queryForObject("select status from intake where id = ?", String.class, id))
                .isEqualTo("IN_REVIEW");

        caseWork.acknowledgeRisk(IntakeId.of(id), "  Called the client; safe for now.  ");

        CaseDetail after = caseOpening.openCase(CaseReference.of(submitted.reference())).orElseThrow();
        assertThat(after.state().needsRiskReview(true)).isFalse();
        assertThat(after.state().riskAcknowledgedBy()).isEqualTo("Dr Amira Khan");
        assertThat(after.state().riskAcknowledgementNote()).isEqualTo("Called the client; safe for now.");
        assertThat(after.state().riskAcknowledgedAt()).isNotNull();
        assertThat(after.state().assigneeId()).isEqualTo(data.idOf("amira"));
        assertThat(after.state().assigneeName()).isEqualTo("Dr Amira Khan");
        caseWork.addNote(IntakeId.of(id), "A note");
        factorService.decideFactor(IntakeId.of(id), "anxiety", FactorDecisionKind.ADDED);
        referrals.decideReferral(IntakeId.of(id), ReferralKind.CRISIS_SERVICE, "Crisis team", null);
        assertThat(letterService.referralLetter(IntakeId.of(id)).pdf()).isNotEmpty();
        assertThat(data.as("tom", () -> caseOpening.openCase(CaseReference.of(submitted.reference())))).isEmpty();
    }

    @Test
    @WithUserDetails("amira")
    void theTherapistWhoReviewsTheRiskTakesTheCaseFromTheSharedQueue() {
        var submitted = data.submit(urgent(completeAnswers(ReviewTestData.uniqueWord() + " Kept")));
        data.as("tom", () -> caseWork.acknowledgeRisk(IntakeId.of(submitted.id()), "Spoke to the client."));

        assertThatThrownBy(() -> caseWork.acknowledgeRisk(IntakeId.of(submitted.id()), "Me too"))
                .isInstanceOf(CaseNotFound.class);
        assertThatThrownBy(() -> data.as("tom", () -> caseWork.acknowledgeRisk(IntakeId.of(submitted.id()),
                "Rewritten later")))
                .isInstanceOf(CaseActionRefused.class).hasMessageContaining("already been reviewed");
        CaseDetail detail = data.as("tom", () -> caseOpening.openCase(CaseReference.of(submitted.reference())))
                .orElseThrow();
        assertThat(detail.state().assigneeName()).isEqualTo("Tom Whitfield");
        assertThat(detail.state().riskAcknowledgementNote()).isEqualTo("Spoke to the client.");
    }
}
