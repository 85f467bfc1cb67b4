package app.thaw.review;

import java.util.List;

/**
 * The practice's own records about one intake, for the client's subject access request: the review state,
 * contributing factors with every decision, notes and referrals. Clinical content.
 */
public record CaseRecord(CaseDetail.CaseState state, List<FactorView> factors, List<CaseDetail.NoteView> notes,
                         List<CaseDetail.ReferralView> referrals) {

    /** A contributing factor: what the rules suggested and why, then each decision in order. */
    public record FactorView(String tagId, String label, boolean suggested, List<String> reasons,
                             List<Decision> decisions) {
    }

    public record Decision(FactorDecisionKind decision, String decidedBy, java.time.Instant decidedAt) {
    }
}
