package app.thaw.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.care.CaseStage;
import app.thaw.care.SessionNoteView;
import app.thaw.audit.AuditLog;
import app.thaw.intake.SubmittedIntake;
import app.thaw.review.domain.CaseNoteRepository;
import app.thaw.review.domain.FactorDecision;
import app.thaw.review.domain.FactorDecisionRepository;
import app.thaw.review.domain.FactorSuggestionRepository;
import app.thaw.review.domain.ReferralRepository;
import app.thaw.review.domain.ReviewCase;
import app.thaw.review.factors.FactorRuleSet;
import app.thaw.review.factors.FactorTag;
import app.thaw.security.StaffAccountService;

/** Assembles what the case view shows from the case's records; no access checks here (the service did them). */
@Component
class CaseDetails {

    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {
    };

    private final FactorSuggestionRepository suggestions;
    private final FactorDecisionRepository decisions;
    private final CaseNoteRepository notes;
    private final ReferralRepository referrals;
    private final FactorRuleSet rules;
    private final StaffAccountService staff;
    private final AuditLog auditLog;
    private final JsonMapper json;

    CaseDetails(FactorSuggestionRepository suggestions, FactorDecisionRepository decisions, CaseNoteRepository notes,
                ReferralRepository referrals, FactorRuleSet rules, StaffAccountService staff, AuditLog auditLog,
                JsonMapper json) {
        this.suggestions = suggestions;
        this.decisions = decisions;
        this.notes = notes;
        this.referrals = referrals;
        this.rules = rules;
        this.staff = staff;
        this.auditLog = auditLog;
        this.json = json;
    }

    /** {@code partnerFear}: either partner said they are afraid of the other; joint work needs a clinical decision. */
    CaseDetail assemble(CaseGrant grant, SubmittedIntake intake, @Nullable SubmittedIntake partner,
                        ReviewCase reviewCase, CaseStage stage, List<SessionNoteView> sessionNotes) {
        boolean partnerFear = grant.facts().fearInCouple();
        Map<Long, String> names = staff.displayNames();
        var state = new CaseDetail.CaseState(reviewCase.getAssignedTherapistId(),
                name(names, reviewCase.getAssignedTherapistId()), reviewCase.isRiskAcknowledged(),
                reviewCase.getRiskAcknowledgedAt(), name(names, reviewCase.getRiskAcknowledgedBy()),
                reviewCase.getRiskAcknowledgementNote(), partnerFear);
        List<String> different = partner == null ? List.of()
                : PartnerDifferences.mostDifferent(intake.questionnaire(), intake.answers(), partner.answers());
        return new CaseDetail(intake, partner, state, RiskTriggers.of(intake), factors(intake.id(), names),
                notes.findByIntakeIdOrderByCreatedAtAsc(intake.id()).stream()
                        .map(n -> new CaseDetail.NoteView(name(names, n.getAuthorId()), n.getCreatedAt(), n.getBody()))
                        .toList(),
                referrals.findByIntakeIdOrderByDecidedAtDescIdDesc(intake.id()).stream()
                        .map(r -> new CaseDetail.ReferralView(r.getKind(), r.getReason(), r.getPartnerFearDecision(),
                                name(names, r.getDecidedBy()), r.getDecidedAt()))
                        .toList(),
                auditLog.caseHistory(grant), different, stage, sessionNotes);
    }

    /** Suggested tags first (in rule order), then tags the therapist added; each with its latest decision. */
    List<CaseDetail.FactorView> factors(long intakeId, Map<Long, String> names) {
        Map<String, FactorDecision> latest = new LinkedHashMap<>();
        decisions.findByIntakeIdOrderByDecidedAtAscIdAsc(intakeId).forEach(d -> latest.put(d.getTagId(), d));
        Map<String, List<String>> suggested = new LinkedHashMap<>();
        suggestions.findByIntakeIdOrderByIdAsc(intakeId)
                .forEach(s -> suggested.put(s.getTagId(), json.readValue(s.getReasonsJson(), REASONS)));
        List<CaseDetail.FactorView> views = new ArrayList<>();
        for (FactorTag tag : rules.tags()) {
            boolean wasSuggested = suggested.containsKey(tag.id());
            FactorDecision decision = latest.get(tag.id());
            if (wasSuggested || decision != null) {
                views.add(new CaseDetail.FactorView(tag.id(), tag.label(), suggested.getOrDefault(tag.id(), List.of()),
                        wasSuggested, decision == null ? null : decision.getDecision(),
                        decision == null ? null : name(names, decision.getDecidedBy()),
                        decision == null ? null : decision.getDecidedAt()));
            }
        }
        return views;
    }

    private static String name(Map<Long, String> names, long id) {
        return names.getOrDefault(id, "Former staff member");
    }

    private static @Nullable String name(Map<Long, String> names, @Nullable Long id) {
        return id == null ? null : names.getOrDefault(id, "Former staff member");
    }
}
