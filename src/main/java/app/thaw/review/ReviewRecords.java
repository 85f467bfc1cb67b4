package app.thaw.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.review.domain.CaseNoteRepository;
import app.thaw.review.domain.FactorDecision;
import app.thaw.review.domain.FactorDecisionRepository;
import app.thaw.review.domain.FactorSuggestionRepository;
import app.thaw.review.domain.ReferralRepository;
import app.thaw.review.domain.ReviewCase;
import app.thaw.review.factors.FactorRuleSet;
import app.thaw.review.factors.FactorTag;

/**
 * One intake's review records as people read them, the same for the case view (CaseDetails) and the subject access
 * export (CaseRecords): the rules' suggestions with their reasons, the decisions, notes and referrals with the staff
 * named. No access checks here (the calling service did them).
 */
@Component
class ReviewRecords {

    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {
    };

    private final FactorSuggestionRepository suggestions;
    private final FactorDecisionRepository decisions;
    private final CaseNoteRepository notes;
    private final ReferralRepository referrals;
    private final FactorRuleSet rules;
    private final JsonMapper json;

    ReviewRecords(FactorSuggestionRepository suggestions, FactorDecisionRepository decisions, CaseNoteRepository notes,
                  ReferralRepository referrals, FactorRuleSet rules, JsonMapper json) {
        this.suggestions = suggestions;
        this.decisions = decisions;
        this.notes = notes;
        this.referrals = referrals;
        this.rules = rules;
        this.json = json;
    }

    /** The factor tags in rule order: suggested ones first, then those a therapist may add. */
    List<FactorTag> tags() {
        return rules.tags();
    }

    /** Tag id → the rules' reasons for suggesting it, in the order suggested. */
    Map<String, List<String>> suggested(long intakeId) {
        Map<String, List<String>> suggested = new LinkedHashMap<>();
        suggestions.findByIntakeIdOrderByIdAsc(intakeId)
                .forEach(s -> suggested.put(s.getTagId(), json.readValue(s.getReasonsJson(), REASONS)));
        return suggested;
    }

    /** Every decision on the intake's factors, oldest first (a later one supersedes). */
    List<FactorDecision> decisions(long intakeId) {
        return decisions.findByIntakeIdOrderByDecidedAtAscIdAsc(intakeId);
    }

    List<CaseDetail.NoteView> notes(long intakeId, Map<Long, String> names) {
        return notes.findByIntakeIdOrderByCreatedAtAsc(intakeId).stream()
                .map(n -> new CaseDetail.NoteView(name(names, n.getAuthorId()), n.getCreatedAt(), n.getBody()))
                .toList();
    }

    /** Newest first. */
    List<CaseDetail.ReferralView> referrals(long intakeId, Map<Long, String> names) {
        return referrals.findByIntakeIdOrderByDecidedAtDescIdDesc(intakeId).stream()
                .map(r -> new CaseDetail.ReferralView(r.getKind(), r.getReason(), r.getPartnerFearDecision(),
                        name(names, r.getDecidedBy()), r.getDecidedAt()))
                .toList();
    }

    static CaseDetail.CaseState state(ReviewCase reviewCase, Map<Long, String> names, boolean partnerFear) {
        return new CaseDetail.CaseState(reviewCase.getAssignedTherapistId(),
                name(names, reviewCase.getAssignedTherapistId()), reviewCase.isRiskAcknowledged(),
                reviewCase.getRiskAcknowledgedAt(), name(names, reviewCase.getRiskAcknowledgedBy()),
                reviewCase.getRiskAcknowledgementNote(), partnerFear);
    }

    /** A staff member by name; someone no longer on the team still answers for what they did. */
    static String name(Map<Long, String> names, long id) {
        return names.getOrDefault(id, "Former staff member");
    }

    static @Nullable String name(Map<Long, String> names, @Nullable Long id) {
        return id == null ? null : name(names, id.longValue());
    }
}
