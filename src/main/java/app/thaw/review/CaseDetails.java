package app.thaw.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.care.CaseStage;
import app.thaw.care.SessionNoteView;
import app.thaw.audit.AuditLog;
import app.thaw.intake.SubmittedIntake;
import app.thaw.review.domain.FactorDecision;
import app.thaw.review.domain.ReviewCase;
import app.thaw.review.factors.FactorTag;
import app.thaw.security.StaffAccountService;

/** Assembles what the case view shows from the case's records; no access checks here (the service did them). */
@Component
class CaseDetails {

    private final ReviewRecords records;
    private final StaffAccountService staff;
    private final AuditLog auditLog;

    CaseDetails(ReviewRecords records, StaffAccountService staff, AuditLog auditLog) {
        this.records = records;
        this.staff = staff;
        this.auditLog = auditLog;
    }

    /** {@code partnerFear}: either partner said they are afraid of the other; joint work needs a clinical decision. */
    CaseDetail assemble(CaseGrant grant, SubmittedIntake intake, @Nullable SubmittedIntake partner,
                        ReviewCase reviewCase, CaseStage stage, List<SessionNoteView> sessionNotes) {
        boolean partnerFear = grant.facts().fearInCouple();
        Map<Long, String> names = staff.displayNames();
        var state = ReviewRecords.state(reviewCase, names, partnerFear);
        List<String> different = partner == null ? List.of()
                : PartnerDifferences.mostDifferent(intake.questionnaire(), intake.answers(), partner.answers());
        return new CaseDetail(intake, partner, state, RiskTriggers.of(intake), factors(intake.id(), names),
                records.notes(intake.id(), names), records.referrals(intake.id(), names), auditLog.caseHistory(grant),
                different, stage, sessionNotes);
    }

    /** Suggested tags first (in rule order), then tags the therapist added; each with its latest decision. */
    List<CaseDetail.FactorView> factors(long intakeId, Map<Long, String> names) {
        Map<String, FactorDecision> latest = new LinkedHashMap<>();
        records.decisions(intakeId).forEach(d -> latest.put(d.getTagId(), d));
        Map<String, List<String>> suggested = records.suggested(intakeId);
        List<CaseDetail.FactorView> views = new ArrayList<>();
        for (FactorTag tag : records.tags()) {
            boolean wasSuggested = suggested.containsKey(tag.id());
            FactorDecision decision = latest.get(tag.id());
            if (wasSuggested || decision != null) {
                views.add(new CaseDetail.FactorView(tag.id(), tag.label(), suggested.getOrDefault(tag.id(), List.of()),
                        wasSuggested, decision == null ? null : decision.getDecision(),
                        decision == null ? null : ReviewRecords.name(names, decision.getDecidedBy()),
                        decision == null ? null : decision.getDecidedAt()));
            }
        }
        return views;
    }
}
