package app.thaw.review.ui;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import app.thaw.review.CaseDetail;
import app.thaw.review.CasePart;
import app.thaw.review.CaseParts;

/**
 * The sections beside a case's answers, each redrawn on its own from the parts an action changed; and which parts
 * each kind of action changes, so only those are read again.
 */
record CaseSections(FactorsPanel factors, ReferralPanel referral, CareStagePanel care, SessionNotesPanel sessionNotes,
                    NotesPanel notes) {

    static final Set<CasePart> ASSIGNED = EnumSet.of(CasePart.STATE, CasePart.STAGE, CasePart.HISTORY,
            CasePart.SESSION_NOTES);
    static final Set<CasePart> FACTOR = EnumSet.of(CasePart.FACTORS, CasePart.HISTORY);
    static final Set<CasePart> REFERRAL = EnumSet.of(CasePart.STATE, CasePart.REFERRALS, CasePart.STAGE,
            CasePart.HISTORY, CasePart.SESSION_NOTES);
    static final Set<CasePart> NOTE = EnumSet.of(CasePart.NOTES, CasePart.HISTORY);
    static final Set<CasePart> CORRECTION = EnumSet.of(CasePart.AMENDMENTS, CasePart.HISTORY);
    static final Set<CasePart> CARE = EnumSet.of(CasePart.STAGE, CasePart.HISTORY);
    /** After a refusal or a colleague's change: every part but the answers, which never change. */
    static final Set<CasePart> EVERYTHING = EnumSet.allOf(CasePart.class);

    /** Redraws the sections whose parts were read again; the others stay exactly as they are. */
    void refresh(CaseParts fresh) {
        if (fresh.factors() != null) {
            factors.refresh(fresh.factors());
        }
        if (fresh.referrals() != null) {
            referral.refresh(fresh.currentReferral());
        }
        if (fresh.stage() != null) {
            care.refresh(fresh.stage());
        }
        if (fresh.sessionNotes() != null) {
            sessionNotes.refresh(fresh.sessionNotes());
        }
        if (fresh.notes() != null) {
            notes.refreshNotes(fresh.notes());
        }
        if (fresh.history() != null) {
            notes.refreshHistory(fresh.history());
        }
    }

    /** The case as last read with the fresh parts in place of the old ones. */
    static CaseDetail merge(CaseDetail detail, CaseParts fresh) {
        var amendments = fresh.amendments();
        return new CaseDetail(amendments == null ? detail.intake() : detail.intake().withAmendments(amendments),
                detail.partner(), Objects.requireNonNullElse(fresh.state(), detail.state()),
                detail.riskTriggers(), Objects.requireNonNullElse(fresh.factors(), detail.factors()),
                Objects.requireNonNullElse(fresh.notes(), detail.notes()),
                Objects.requireNonNullElse(fresh.referrals(), detail.referrals()),
                Objects.requireNonNullElse(fresh.history(), detail.history()), detail.mostDifferentItems(),
                Objects.requireNonNullElse(fresh.stage(), detail.stage()),
                Objects.requireNonNullElse(fresh.sessionNotes(), detail.sessionNotes()), detail.partnerRiskToReview());
    }
}
