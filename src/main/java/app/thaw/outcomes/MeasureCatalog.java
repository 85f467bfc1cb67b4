package app.thaw.outcomes;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.QuestionnaireLoader;

/** Every measure's current definition, loaded and checked at start-up like the intake (a broken file stops the app). */
@Component
public class MeasureCatalog {

    private final Map<Measure, QuestionnaireDefinition> definitions = new EnumMap<>(Measure.class);

    public MeasureCatalog() {
        for (Measure measure : Measure.values()) {
            definitions.put(measure, QuestionnaireLoader.loadClasspath(measure.resource()));
        }
    }

    public QuestionnaireDefinition definition(Measure measure) {
        return Objects.requireNonNull(definitions.get(measure), "loaded for every measure");
    }
}
