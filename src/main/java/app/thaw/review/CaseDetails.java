package app.thaw.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.care.CaseStage;
import app.thaw.care.SessionNoteView;
import app.thaw.audit.AuditLog;
import app.thaw.intake.SubmittedIntake;
import app.thaw.review.domain.CaseNote;
import app.thaw.review.domain.CaseNoteRepository;
import app.thaw.review.domain.Referral;
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

    private final JdbcTemplate jdbc;
    private final CaseNoteRepository notes;
    private final ReferralRepository referrals;
    private final FactorRuleSet rules;
    private final StaffAccountService staff;
    private final AuditLog auditLog;
    private final JsonMapper json;
    /** The booking gate's own answer, so the warning and the refusal never disagree. */
    private final RiskReviewedGate riskGate;

    CaseDetails(JdbcTemplate jdbc, CaseNoteRepository notes, ReferralRepository referrals, FactorRuleSet rules,
                StaffAccountService staff, AuditLog auditLog, JsonMapper json, RiskReviewedGate riskGate) {
        this.jdbc = jdbc;
        this.notes = notes;
        this.referrals = referrals;
        this.rules = rules;
        this.staff = staff;
        this.auditLog = auditLog;
        this.json = json;
        this.riskGate = riskGate;
    }

    /** {@code partnerFear}: either partner said they are afraid of the other; joint work needs a clinical decision. */
    CaseDetail assemble(CaseGrant grant, SubmittedIntake intake, @Nullable SubmittedIntake partner,
                        ReviewCase reviewCase, CaseStage stage, List<SessionNoteView> sessionNotes) {
        CaseParts parts = parts(grant, reviewCase, EnumSet.of(CasePart.STATE, CasePart.FACTORS, CasePart.NOTES,
                CasePart.REFERRALS, CasePart.HISTORY));
        List<String> different = partner == null ? List.of()
                : PartnerDifferences.mostDifferent(intake.questionnaire(), intake.answers(), partner.answers());
        return new CaseDetail(intake, partner, Objects.requireNonNull(parts.state()), RiskTriggers.of(intake),
                Objects.requireNonNull(parts.factors()), Objects.requireNonNull(parts.notes()),
                Objects.requireNonNull(parts.referrals()), Objects.requireNonNull(parts.history()), different, stage,
                sessionNotes, partner != null && partner.urgent() && !riskGate.reviewed(partner.id()));
    }

    /**
     * The review's own parts of a case that are {@code wanted} (state, factors, notes, referrals, history), each read
     * once, then named with one look-up of just the staff members they mention (not every account of the practice).
     */
    CaseParts parts(CaseGrant grant, @Nullable ReviewCase reviewCase, Set<CasePart> wanted) {
        long intakeId = grant.intakeId();
        Set<Long> staffIds = new HashSet<>();
        if (wanted.contains(CasePart.STATE) && reviewCase != null) {
            addIfPresent(staffIds, reviewCase.getAssignedTherapistId());
            addIfPresent(staffIds, reviewCase.getRiskAcknowledgedBy());
        }
        List<FactorLine> factorLines = wanted.contains(CasePart.FACTORS) ? factorRows(intakeId) : List.of();
        factorLines.forEach(f -> addIfPresent(staffIds, f.decidedBy()));
        List<CaseNote> noteRows = wanted.contains(CasePart.NOTES) ? notes.findByIntakeIdOrderByCreatedAtAsc(intakeId)
                : List.of();
        noteRows.forEach(n -> staffIds.add(n.getAuthorId()));
        List<Referral> referralRows = wanted.contains(CasePart.REFERRALS)
                ? referrals.findByIntakeIdOrderByDecidedAtDescIdDesc(intakeId) : List.of();
        referralRows.forEach(r -> staffIds.add(r.getDecidedBy()));
        Map<Long, String> names = staff.displayNames(staffIds);
        CaseDetail.CaseState state = null;
        if (wanted.contains(CasePart.STATE)) {
            ReviewCase held = reviewCase == null ? new ReviewCase(intakeId) : reviewCase;
            state = ReviewRecords.state(held, names, grant.facts().fearInCouple());
        }
        return new CaseParts(state,
                wanted.contains(CasePart.FACTORS) ? factors(factorLines, names) : null,
                wanted.contains(CasePart.REFERRALS) ? referralRows.stream()
                        .map(r -> new CaseDetail.ReferralView(r.getKind(), r.getReason(), r.getPartnerFearDecision(),
                                ReviewRecords.name(names, r.getDecidedBy()), r.getDecidedAt()))
                        .toList() : null,
                wanted.contains(CasePart.NOTES) ? noteRows.stream()
                        .map(n -> new CaseDetail.NoteView(ReviewRecords.name(names, n.getAuthorId()), n.getCreatedAt(),
                                n.getBody()))
                        .toList() : null,
                wanted.contains(CasePart.HISTORY) ? auditLog.caseHistory(grant) : null, null, null, null);
    }

    /** A rule's suggestion (with its reasons) or a therapist's decision on one tag. */
    private record FactorLine(String tagId, @Nullable String reasons, @Nullable FactorDecisionKind decision,
                             @Nullable Long decidedBy, @Nullable Instant decidedAt) {
    }

    /** The case's suggestions and decisions in one read: the decisions oldest first, then the suggestions in order. */
    private List<FactorLine> factorRows(long intakeId) {
        return jdbc.query("""
                select tag_id, null as reasons, decision, decided_by, decided_at, 0 as part, id from factor_decision
                 where intake_id = ?
                union all
                select tag_id, reasons::text, null, null, null, 1, id from factor_suggestion where intake_id = ?
                 order by part, decided_at, id""", (rs, row) -> {
                    String decision = rs.getString("decision");
                    long by = rs.getLong("decided_by");
                    Long decidedBy = rs.wasNull() ? null : by;
                    java.sql.Timestamp at = rs.getTimestamp("decided_at");
                    return new FactorLine(rs.getString("tag_id"), rs.getString("reasons"),
                            decision == null ? null : FactorDecisionKind.valueOf(decision), decidedBy,
                            at == null ? null : at.toInstant());
                }, intakeId, intakeId);
    }

    /** Suggested tags first (in rule order), then tags the therapist added; each with its latest decision. */
    private List<CaseDetail.FactorView> factors(List<FactorLine> rows, Map<Long, String> names) {
        Map<String, FactorLine> latest = new LinkedHashMap<>();
        Map<String, List<String>> suggested = new LinkedHashMap<>();
        for (FactorLine row : rows) {
            if (row.decision() != null) {
                latest.put(row.tagId(), row);
            } else if (row.reasons() != null) {
                suggested.put(row.tagId(), json.readValue(row.reasons(), REASONS));
            }
        }
        List<CaseDetail.FactorView> views = new ArrayList<>();
        for (FactorTag tag : rules.tags()) {
            boolean wasSuggested = suggested.containsKey(tag.id());
            FactorLine decision = latest.get(tag.id());
            if (wasSuggested || decision != null) {
                views.add(new CaseDetail.FactorView(tag.id(), tag.label(), suggested.getOrDefault(tag.id(), List.of()),
                        wasSuggested, decision == null ? null : decision.decision(),
                        decision == null ? null : ReviewRecords.name(names, decision.decidedBy()),
                        decision == null ? null : decision.decidedAt()));
            }
        }
        return views;
    }

    private static void addIfPresent(Set<Long> ids, @Nullable Long id) {
        if (id != null) {
            ids.add(id);
        }
    }
}
