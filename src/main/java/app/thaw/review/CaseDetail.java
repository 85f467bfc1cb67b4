package app.thaw.review;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import app.thaw.audit.AuditEntry;
import app.thaw.care.CaseStage;
import app.thaw.care.SessionNoteView;
import app.thaw.intake.SubmittedIntake;

/**
 * Everything a therapist sees in one case: clinical content, so every load of it is audited. The stage (status and
 * course of care) follows from the case's events; session notes are there for the therapists the policy lets read them.
 *
 * @param partnerRiskToReview the partner's answers raised an urgent risk no therapist has reviewed yet: no session for
 *                            either partner until one has
 */
public record CaseDetail(SubmittedIntake intake, @Nullable SubmittedIntake partner, CaseState state,
                         List<RiskTrigger> riskTriggers, List<FactorView> factors, List<NoteView> notes,
                         List<ReferralView> referrals, List<AuditEntry> history, List<String> mostDifferentItems,
                         CaseStage stage, List<SessionNoteView> sessionNotes, boolean partnerRiskToReview) {

    /**
     * One answer that made the case urgent: the rule's words, the question as asked, the answer chosen and what the
     * client wrote about it themselves (empty when nothing).
     */
    public record RiskTrigger(String description, @Nullable String question, @Nullable String answer,
                              List<String> ownWords) {
    }

    public record CaseState(@Nullable Long assigneeId, @Nullable String assigneeName, boolean riskAcknowledged,
                            @Nullable Instant riskAcknowledgedAt, @Nullable String riskAcknowledgedBy,
                            @Nullable String riskAcknowledgementNote, boolean partnerFearFlag) {

        /** An urgent case is locked until a therapist has recorded that they reviewed the risk. */
        public boolean needsRiskReview(boolean urgent) {
            return urgent && !riskAcknowledged;
        }
    }

    /** A contributing factor: what the rules suggested (if anything) and what the therapist decided. */
    public record FactorView(String tagId, String label, List<String> reasons, boolean suggested,
                             @Nullable FactorDecisionKind decision, @Nullable String decidedBy,
                             @Nullable Instant decidedAt) {
    }

    public record NoteView(String author, Instant createdAt, String body) {
    }

    public record ReferralView(ReferralKind kind, String reason, @Nullable String partnerFearDecision,
                               String decidedBy, Instant decidedAt) {
    }

    public @Nullable ReferralView currentReferral() {
        return referrals.isEmpty() ? null : referrals.getFirst();
    }
}
