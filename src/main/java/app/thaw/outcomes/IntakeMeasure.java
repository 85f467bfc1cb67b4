package app.thaw.outcomes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.Scorer;

/**
 * The intake's own answers as the first measure of every course: each scored measure the form answered in full,
 * scored by the measure's own definition, with the definitions' versions and the item answers kept (choices only).
 * Pure: {@link MeasureRecords} stores it as an intake arrives, and the bench data writes the same.
 */
public record IntakeMeasure(List<String> versions, Map<String, List<String>> answers, Map<String, Integer> scores) {

    public static IntakeMeasure of(MeasureCatalog catalog, Answers intake) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        List<String> versions = new ArrayList<>();
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (Measure measure : Measure.scoredMeasures()) {
            QuestionnaireDefinition definition = catalog.definition(measure);
            Scorer.score(definition, intake).scores().stream().filter(s -> s.id().equals(measure.scoreId()))
                    .findFirst().filter(score -> score.complete()).ifPresent(score -> {
                        scores.put(measure.scoreId(), score.total());
                        versions.add(definition.key());
                        definition.items().forEach(item -> kept.put(item.id(), intake.multi(item.id())));
                    });
        }
        return new IntakeMeasure(List.copyOf(versions), kept, scores);
    }

    /** Nothing the form asked makes a whole measure (no set is stored). */
    public boolean isEmpty() {
        return scores.isEmpty();
    }
}
