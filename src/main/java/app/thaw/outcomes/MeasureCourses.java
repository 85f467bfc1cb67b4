package app.thaw.outcomes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.ScoreReport;
import app.thaw.intake.questionnaire.Scorer;
import app.thaw.outcomes.domain.MeasureStore;
import app.thaw.outcomes.domain.StoredMeasureSet;
import app.thaw.security.Roles;

/**
 * A client's measures for a transfer of care and the FHIR API: each repeat scored by the version it was asked in,
 * with its risk answers, and the NHS Talking Therapies state of the course. Only the granted client's own rows are
 * read: for one of a couple, never the partner's. The caller audits, as it does for the rest of the case.
 */
@Service
public class MeasureCourses {

    private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
    };

    private final MeasureStore store;
    private final MeasureCatalog catalog;
    private final JsonMapper json;

    MeasureCourses(MeasureStore store, MeasureCatalog catalog, JsonMapper json) {
        this.store = store;
        this.catalog = catalog;
        this.json = json;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM, Roles.API_CLIENT})
    public MeasureCourse course(CaseGrant grant) {
        grant.requireFor(CaseOperation.READ_CLINICAL, CaseOperation.READ_VIA_API);
        List<MeasureCourse.Repeat> repeats = new ArrayList<>();
        List<CaseMeasures.Point> points = new ArrayList<>();
        for (StoredMeasureSet set : store.answeredSets(grant.intakeId())) {
            points.add(new CaseMeasures.Point(set.answeredAt(), set.source(), set.phq9(), set.gad7(), set.csi4(),
                    set.feelings(), false));
            if ("INTAKE".equals(set.source())) {
                // the intake's own answers: the intake's response and scores already carry them
                continue;
            }
            Answers answers = Answers.of(json.readValue(set.answersJson(), ANSWERS));
            List<String> versions = Arrays.stream(set.versions().split(",")).map(String::strip).toList();
            for (Measure measure : Measure.values()) {
                QuestionnaireDefinition definition = catalog.version(measure, versions);
                if (definition.items().stream().noneMatch(item -> answers.isAnswered(item.id()))) {
                    continue;
                }
                ScoreReport report = Scorer.score(definition, answers);
                repeats.add(new MeasureCourse.Repeat(set.id(), set.answeredAt(), measure, definition, answers,
                        report.scores(), report.riskFlags()));
            }
        }
        return new MeasureCourse(repeats, OutcomeService.outcome(points));
    }
}
