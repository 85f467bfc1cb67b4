package app.thaw.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.review.domain.CaseNoteRepository;
import app.thaw.review.domain.FactorDecisionRepository;
import app.thaw.review.domain.FactorSuggestionRepository;
import app.thaw.review.domain.ReferralRepository;
import app.thaw.review.domain.ReviewCaseRepository;
import app.thaw.review.factors.FactorRuleSet;
import app.thaw.review.factors.FactorTag;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/**
 * One intake's review records for a subject access export, read by the practice manager who produces it
 * (downloaded, never shown on screen); the caller audits every use. Unlike the case view, every factor
 * decision is listed, not only the latest.
 */
@Service
@Transactional(readOnly = true)
public class CaseRecords {

    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {
    };

    private final ReviewCaseRepository cases;
    private final FactorSuggestionRepository suggestions;
    private final FactorDecisionRepository decisions;
    private final CaseNoteRepository notes;
    private final ReferralRepository referrals;
    private final FactorRuleSet rules;
    private final StaffAccountService staff;
    private final JsonMapper json;

    CaseRecords(ReviewCaseRepository cases, FactorSuggestionRepository suggestions,
                FactorDecisionRepository decisions, CaseNoteRepository notes, ReferralRepository referrals,
                FactorRuleSet rules, StaffAccountService staff, JsonMapper json) {
        this.cases = cases;
        this.suggestions = suggestions;
        this.decisions = decisions;
        this.notes = notes;
        this.referrals = referrals;
        this.rules = rules;
        this.staff = staff;
        this.json = json;
    }

    @RolesAllowed({Roles.ADMIN, Roles.THERAPIST})
    public CaseRecord forSubjectAccess(CaseGrant grant) {
        grant.requireFor(CaseOperation.MANAGE_PRIVACY, CaseOperation.REVIEW_DISCLOSURE);
        long intakeId = grant.intakeId();
        Map<Long, String> names = staff.displayNames();
        var reviewCase = cases.findById(intakeId).orElse(null);
        var state = reviewCase == null
                ? new CaseDetail.CaseState(null, null, false, null, null, null, false)
                : new CaseDetail.CaseState(reviewCase.getAssignedTherapistId(),
                        name(names, reviewCase.getAssignedTherapistId()), reviewCase.isRiskAcknowledged(),
                        reviewCase.getRiskAcknowledgedAt(), name(names, reviewCase.getRiskAcknowledgedBy()),
                        reviewCase.getRiskAcknowledgementNote(), false);
        return new CaseRecord(state, factors(intakeId, names),
                notes.findByIntakeIdOrderByCreatedAtAsc(intakeId).stream()
                        .map(n -> new CaseDetail.NoteView(name(names, n.getAuthorId()), n.getCreatedAt(), n.getBody()))
                        .toList(),
                referrals.findByIntakeIdOrderByDecidedAtDescIdDesc(intakeId).stream()
                        .map(r -> new CaseDetail.ReferralView(r.getKind(), r.getReason(), r.getPartnerFearDecision(),
                                name(names, r.getDecidedBy()), r.getDecidedAt()))
                        .toList());
    }

    /**
     * Every referral decided on the intake, newest first, for another clinical system (through the FHIR API) or a
     * therapist's transfer-of-care export; the partner-fear decision stays in the practice.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM, Roles.API_CLIENT})
    public List<ReferralRecord> referrals(CaseGrant grant) {
        long intakeId = grant.requireFor(CaseOperation.READ_CLINICAL, CaseOperation.READ_VIA_API).intakeId();
        var decided = referrals.findByIntakeIdOrderByDecidedAtDescIdDesc(intakeId);
        // the deciding therapists' names only, whoever asks (an API client has no staff role)
        Map<Long, String> names = SystemActor.call(() -> staff.displayNames(
                decided.stream().map(r -> r.getDecidedBy()).collect(java.util.stream.Collectors.toSet())));
        return decided.stream()
                .map(r -> new ReferralRecord(r.getId(), r.getKind(), r.getReason(), name(names, r.getDecidedBy()),
                        r.getDecidedAt()))
                .toList();
    }

    /** Factors in rule order: suggested ones with their reasons, then any the therapist added. */
    private List<CaseRecord.FactorView> factors(long intakeId, Map<Long, String> names) {
        Map<String, List<String>> suggested = new LinkedHashMap<>();
        suggestions.findByIntakeIdOrderByIdAsc(intakeId)
                .forEach(s -> suggested.put(s.getTagId(), json.readValue(s.getReasonsJson(), REASONS)));
        Map<String, List<CaseRecord.Decision>> decided = new LinkedHashMap<>();
        decisions.findByIntakeIdOrderByDecidedAtAscIdAsc(intakeId).forEach(d -> decided
                .computeIfAbsent(d.getTagId(), tag -> new ArrayList<>())
                .add(new CaseRecord.Decision(d.getDecision(), name(names, d.getDecidedBy()), d.getDecidedAt())));
        List<CaseRecord.FactorView> views = new ArrayList<>();
        for (FactorTag tag : rules.tags()) {
            if (suggested.containsKey(tag.id()) || decided.containsKey(tag.id())) {
                views.add(new CaseRecord.FactorView(tag.id(), tag.label(), suggested.containsKey(tag.id()),
                        suggested.getOrDefault(tag.id(), List.of()), decided.getOrDefault(tag.id(), List.of())));
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
