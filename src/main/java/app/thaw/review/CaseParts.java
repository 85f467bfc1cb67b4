package app.thaw.review;

import java.util.List;

import org.jspecify.annotations.Nullable;

import app.thaw.audit.AuditEntry;
import app.thaw.care.CaseStage;
import app.thaw.care.SessionNoteView;
import app.thaw.intake.Amendment;

/** The parts of an open case read again after an action; a part that was not asked for is null. Clinical content. */
public record CaseParts(CaseDetail.@Nullable CaseState state, @Nullable List<CaseDetail.FactorView> factors,
                        @Nullable List<CaseDetail.ReferralView> referrals, @Nullable List<CaseDetail.NoteView> notes,
                        @Nullable List<AuditEntry> history, @Nullable CaseStage stage,
                        @Nullable List<SessionNoteView> sessionNotes, @Nullable List<Amendment> amendments) {

    public CaseDetail.@Nullable ReferralView currentReferral() {
        return referrals == null || referrals.isEmpty() ? null : referrals.getFirst();
    }
}
