package app.thaw.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.intake.questionnaire.AnswerValidator;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.RiskFlag;
import app.thaw.intake.questionnaire.ScoreReport;
import app.thaw.intake.questionnaire.Scorer;
import app.thaw.intake.questionnaire.Section;
import app.thaw.outcomes.domain.EpisodeStore;
import app.thaw.outcomes.domain.MeasureAlertStore;
import app.thaw.outcomes.domain.MeasureStore;

/**
 * Scores and keeps answered measure sets on the intake's engine (validator, scorer, risk rules): the intake's own
 * answers as the first measure, and each client's answers to a request; a risk answer opens an alert.
 */
@Component
class MeasureRecords {

    private final MeasureCatalog catalog;
    private final MeasureStore store;
    private final MeasureAlertStore alertStore;
    private final EpisodeStore episodes;
    private final SubmittedIntakes intakes;
    private final AuditLog audit;
    private final JsonMapper json;
    private final AlertNotices notices;

    MeasureRecords(MeasureCatalog catalog, MeasureStore store, MeasureAlertStore alertStore, EpisodeStore episodes, SubmittedIntakes intakes,
                   AuditLog audit, JsonMapper json, AlertNotices notices) {
        this.notices = notices;
        this.catalog = catalog;
        this.store = store;
        this.alertStore = alertStore;
        this.episodes = episodes;
        this.intakes = intakes;
        this.audit = audit;
        this.json = json;
    }

    /** The intake's own PHQ-9, GAD-7 and feeling items, scored by the measures' definitions: the first measure. */
    void recordIntake(CaseGrant grant) {
        grant.requireFor(CaseOperation.READ_CLINICAL);
        if (store.hasIntakeResponse(grant.intakeId())) {
            return;
        }
        SubmittedIntake intake = intakes.find(grant);
        IntakeMeasure first = IntakeMeasure.of(catalog, intake.answers());
        if (!first.isEmpty()) {
            store.saveResponse(grant.intakeId(), null, "INTAKE", intake.submittedAt(),
                    String.join(",", first.versions()), json.writeValueAsString(first.answers()), first.scores(), false);
        }
    }

    /** Messages per item for answers the form cannot accept (empty when all are fine). */
    Map<String, String> problems(Set<Measure> measures, Answers answers, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Measure measure : measures) {
            QuestionnaireDefinition definition = catalog.definition(measure);
            for (Section section : definition.sections()) {
                problems.putAll(AnswerValidator.validate(definition, section, answers, today));
            }
        }
        return problems;
    }

    /** What one answered request came to: the risk rules that fired (empty when none). */
    record Recorded(long responseId, List<RiskFlag> risks) {
    }

    Recorded recordClient(CaseGrant grant, MeasureStore.Request request, Answers answers, Instant now) {
        Set<Measure> measures = Measure.parse(request.measures());
        Map<String, Integer> scores = new LinkedHashMap<>();
        List<String> versions = new ArrayList<>();
        List<RiskFlag> risks = new ArrayList<>();
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (Measure measure : measures) {
            QuestionnaireDefinition definition = catalog.definition(measure);
            ScoreReport report = Scorer.score(definition, answers);
            versions.add(definition.key());
            risks.addAll(report.riskFlags());
            definition.items().forEach(item -> kept.put(item.id(), answers.multi(item.id())));
            if (measure.scored()) {
                report.scores().stream().filter(s -> s.id().equals(measure.scoreId())).findFirst()
                        .ifPresent(s -> scores.put(measure.scoreId(), s.total()));
            }
        }
        long responseId = store.saveResponse(grant.intakeId(), request.id(), "CLIENT", now, String.join(",", versions),
                json.writeValueAsString(kept), scores, !risks.isEmpty()).orElseThrow(
                        () -> new IllegalStateException("These questions were already answered."));
        store.markAnswered(request.id(), now);
        audit.record(AuditAction.MEASURES_ANSWERED, grant.intakeId(), grant.reference(), "Before the session");
        if (!risks.isEmpty()) {
            boolean alreadyOpen = alertStore.hasOpenAlert(grant.intakeId());
            long alertId = alertStore.openAlert(grant.intakeId(), responseId,
                    risks.stream().map(RiskFlag::ruleId).collect(Collectors.joining(",")), now);
            if (!alreadyOpen) {
                notices.caseNeedsAttention(grant, alertId);
            }
            audit.record(AuditAction.MEASURE_ALERT_RAISED, grant.intakeId(), grant.reference(),
                    "Urgent: the assigned therapist must acknowledge it");
        }
        Integer phq9 = scores.get("phq9");
        Integer gad7 = scores.get("gad7");
        if (phq9 != null && gad7 != null) {
            episodes.measured(grant.intakeId(), phq9, gad7);
        }
        return new Recorded(responseId, risks);
    }
}
