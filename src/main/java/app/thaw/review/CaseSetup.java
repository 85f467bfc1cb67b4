package app.thaw.review;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.intake.IntakeSubmitted;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.intake.questionnaire.ScoreReport;
import app.thaw.review.domain.FactorSuggestionRecord;
import app.thaw.review.domain.FactorSuggestionRepository;
import app.thaw.review.domain.ReviewCase;
import app.thaw.review.domain.ReviewCaseRepository;
import app.thaw.review.factors.FactorRuleSet;
import app.thaw.review.factors.FactorSuggester;
import app.thaw.security.SystemActor;

/**
 * Opens the review case and stores the rules' suggestions once a client's intake is committed. If that
 * ever fails, the case view repeats it on first open, so a submission is never lost to the queue.
 */
@Component
class CaseSetup {

    private final ReviewCaseRepository cases;
    private final FactorSuggestionRepository suggestions;
    private final SubmittedIntakes intakes;
    private final FactorRuleSet rules;
    private final AuditLog auditLog;
    private final JsonMapper json;
    private final Clock clock;

    CaseSetup(ReviewCaseRepository cases, FactorSuggestionRepository suggestions, SubmittedIntakes intakes,
              FactorRuleSet rules, AuditLog auditLog, JsonMapper json, Clock clock) {
        this.cases = cases;
        this.suggestions = suggestions;
        this.intakes = intakes;
        this.rules = rules;
        this.auditLog = auditLog;
        this.json = json;
        this.clock = clock;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(IntakeSubmitted submitted) {
        SystemActor.run(() -> {
            ensure(submitted.intakeId());
            auditLog.record(AuditAction.INTAKE_SUBMITTED, submitted.intakeId(), submitted.reference(),
                    submitted.urgent() ? "Flagged urgent by the client's answers" : null);
        });
    }

    /** Idempotent: creates what is missing, leaves what exists. */
    @Transactional(propagation = Propagation.MANDATORY)
    ReviewCase ensure(long intakeId) {
        ReviewCase reviewCase = cases.findById(intakeId).orElseGet(() -> cases.saveAndFlush(new ReviewCase(intakeId)));
        if (!suggestions.existsByIntakeId(intakeId)) {
            SubmittedIntake intake = SystemActor.call(() -> intakes.find(intakeId).orElseThrow());
            var report = new ScoreReport(intake.scores(), intake.riskFlags(), intake.urgent());
            for (var suggestion : FactorSuggester.suggest(rules, intake.questionnaire(), intake.answers(), report)) {
                suggestions.save(new FactorSuggestionRecord(intakeId, suggestion.tagId(),
                        json.writeValueAsString(suggestion.reasons()), rules.version(), clock.instant()));
            }
        }
        return reviewCase;
    }
}
