package app.thaw.outcomes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.QuestionnaireLoader;

/**
 * Every measure's current definition, loaded and checked at start-up like the intake (a broken file stops the app),
 * and the earlier versions answers were once given to, so an old answered set is read as it was asked.
 */
@Component
public class MeasureCatalog {

    /** Released versions no longer asked; an answered set still names them. */
    private static final List<String> EARLIER = List.of("questionnaire/measures/csi4-v1.yaml");

    private final Map<Measure, QuestionnaireDefinition> definitions = new EnumMap<>(Measure.class);
    private final List<QuestionnaireDefinition> all = new ArrayList<>();

    public MeasureCatalog() {
        for (Measure measure : Measure.values()) {
            definitions.put(measure, QuestionnaireLoader.loadClasspath(measure.resource()));
        }
        EARLIER.forEach(resource -> all.add(QuestionnaireLoader.loadClasspath(resource)));
        all.addAll(definitions.values());
    }

    public QuestionnaireDefinition definition(Measure measure) {
        return Objects.requireNonNull(definitions.get(measure), "loaded for every measure");
    }

    /** Every version of every measure, earlier ones included. */
    public List<QuestionnaireDefinition> all() {
        return List.copyOf(all);
    }

    /** The version of this measure an answered set names ("measure-csi4-v1"), else the one asked today. */
    public QuestionnaireDefinition version(Measure measure, List<String> keys) {
        String id = definition(measure).id();
        return all.stream().filter(d -> d.id().equals(id) && keys.contains(d.key())).findFirst()
                .orElse(definition(measure));
    }
}
