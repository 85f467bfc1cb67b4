package app.thaw.outcomes;

import java.time.Instant;
import java.util.ArrayList;
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
import app.thaw.intake.questionnaire.AnswerText;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.outcomes.domain.MeasureStore;
import app.thaw.outcomes.domain.StoredMeasureSet;
import app.thaw.security.Roles;

/**
 * One client's own answered measures, each question with its answer as asked and each score, for their subject access
 * request. Only the granted client's own rows are read: for one of a couple, never the partner's. Clinical content.
 */
@Service
public class MeasureHistory {

    private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
    };

    /** One measure of one answered set, oldest first. {@code occasion}: the intake form or before a session. */
    public record AnsweredMeasure(Instant answeredAt, String occasion, Measure measure, String label,
                                  @Nullable Integer score, int max, List<QuestionAnswer> answers) {
    }

    public record QuestionAnswer(String question, String answer) {
    }

    private final MeasureStore store;
    private final MeasureCatalog catalog;
    private final JsonMapper json;

    MeasureHistory(MeasureStore store, MeasureCatalog catalog, JsonMapper json) {
        this.store = store;
        this.catalog = catalog;
        this.json = json;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.ADMIN, Roles.THERAPIST})
    public List<AnsweredMeasure> forSubjectAccess(CaseGrant grant) {
        grant.requireFor(CaseOperation.MANAGE_PRIVACY, CaseOperation.REVIEW_DISCLOSURE);
        List<AnsweredMeasure> found = new ArrayList<>();
        for (StoredMeasureSet set : store.answeredSets(grant.intakeId())) {
            Map<String, List<String>> answers = json.readValue(set.answersJson(), ANSWERS);
            String occasion = "INTAKE".equals(set.source()) ? "Your intake form" : "Before a session";
            for (Measure measure : Measure.values()) {
                QuestionnaireDefinition definition = catalog.definition(measure);
                if (definition.items().stream().noneMatch(item -> answers.containsKey(item.id()))) {
                    continue;
                }
                List<QuestionAnswer> lines = new ArrayList<>();
                for (Item item : definition.items()) {
                    List<String> values = answers.getOrDefault(item.id(), List.of());
                    // the scale's stem ("Over the last 2 weeks…") is the measure's, not repeated on every line
                    lines.add(new QuestionAnswer(item.text(), AnswerText.describe(definition, item, values)));
                }
                found.add(new AnsweredMeasure(set.answeredAt(), occasion, measure, measure.label(),
                        score(set, measure), measure.max(), lines));
            }
        }
        return found;
    }

    private static @Nullable Integer score(StoredMeasureSet set, Measure measure) {
        return switch (measure) {
            case PHQ9 -> set.phq9();
            case GAD7 -> set.gad7();
            case CSI4 -> set.csi4();
            case FEELINGS -> set.feelings();
            case PARTNER_SAFETY -> null;
        };
    }
}
