package app.thaw.review;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.IntakeId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.review.domain.FactorDecision;
import app.thaw.review.domain.FactorDecisionRepository;
import app.thaw.review.domain.FactorSuggestionRepository;
import app.thaw.review.factors.FactorRuleSet;
import app.thaw.review.factors.FactorTag;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;

/** Contributing factors: the therapist's decisions on the rules' suggestions, and how often they agree. */
@Service
@Transactional
public class FactorService {

    private final CaseLocks locks;
    private final FactorRuleSet rules;
    private final FactorSuggestionRepository suggestions;
    private final FactorDecisionRepository decisions;
    private final AgreementReport agreement;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final Clock clock;

    FactorService(CaseLocks locks, FactorRuleSet rules, FactorSuggestionRepository suggestions,
                  FactorDecisionRepository decisions, AgreementReport agreement, AuditLog auditLog,
                  CurrentUser currentUser, Clock clock) {
        this.locks = locks;
        this.rules = rules;
        this.suggestions = suggestions;
        this.decisions = decisions;
        this.agreement = agreement;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Confirms or rejects a suggestion, or adds or removes a factor the rules didn't suggest. Advisory only. */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public void decideFactor(IntakeId intakeId, String tagId, FactorDecisionKind decision) {
        CaseLocks.Locked locked = locks.requireUnlocked(intakeId.value(), CaseOperation.CHANGE_CLINICAL);
        FactorTag tag = rules.tag(tagId)
                .orElseThrow(() -> new CaseActionRefused("Unknown contributing factor: " + tagId));
        boolean suggested = suggestions.existsByIntakeIdAndTagId(intakeId.value(), tagId);
        boolean fits = suggested
                ? decision == FactorDecisionKind.CONFIRMED || decision == FactorDecisionKind.REJECTED
                : decision == FactorDecisionKind.ADDED || decision == FactorDecisionKind.REMOVED;
        if (!fits) {
            // the agreement report counts confirmations of suggestions and additions of the rest, never a mix
            throw new CaseActionRefused(suggested ? "This factor was suggested: confirm or reject it."
                    : "This factor wasn't suggested: add or remove it.");
        }
        decisions.save(new FactorDecision(intakeId.value(), tagId, decision, currentUser.require().id(),
                clock.instant()));
        auditLog.record(AuditAction.FACTOR_DECIDED, intakeId.value(), locked.grant().reference(),
                tag.label() + ": " + decision.name().toLowerCase(Locale.ROOT));
    }

    /** Per tag, how often suggestions were confirmed; counts only, no clinical content. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<TagAgreement> agreementReport() {
        return agreement.perTag();
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<FactorTag> factorTags() {
        return rules.tags();
    }
}
