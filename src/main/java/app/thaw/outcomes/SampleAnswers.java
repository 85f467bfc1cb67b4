package app.thaw.outcomes;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.Option;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.Scorer;

/**
 * A made-up set of repeat measures for demo and bench data (never a client's): item answers that add up to a chosen
 * PHQ-9, the other measures following it, scored by the real scorer. No risk answer, so no alert is raised.
 */
public final class SampleAnswers {

    /** One answered set: what a request asks, the definitions' versions, the item answers and their scores. */
    public record AnsweredSet(Set<Measure> measures, List<String> versions, Map<String, List<String>> given,
                              Map<String, Integer> scores) {
    }

    private SampleAnswers() {
    }

    /** The order a client meets the measures in (their answers and versions are stored in it). */
    private static final List<Measure> ORDER = List.of(Measure.PHQ9, Measure.GAD7, Measure.FEELINGS, Measure.CSI4,
            Measure.PARTNER_SAFETY);

    /** An individual client's set (PHQ-9, GAD-7, feelings), or a partner's in couples work (and CSI-4, safety). */
    public static AnsweredSet forPhq9(MeasureCatalog catalog, int phq9, boolean couple) {
        return forPhq9(catalog, phq9, couple ? Measure.COUPLES : Measure.INDIVIDUAL);
    }

    /**
     * A set of the given measures (not empty), the others following PHQ-9 as above: e.g. a couple's partner before
     * their first session, asked only what the intake did not measure ({@link Measure#FROM_INTAKE}).
     */
    public static AnsweredSet forPhq9(MeasureCatalog catalog, int phq9, Set<Measure> measures) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        Map<String, Integer> scores = new LinkedHashMap<>();
        List<String> versions = new ArrayList<>();
        List<Measure> asked = ORDER.stream().filter(measures::contains).toList();
        for (Measure measure : asked) {
            QuestionnaireDefinition definition = catalog.definition(measure);
            int target = switch (measure) {
                case PHQ9 -> phq9;
                case GAD7 -> Math.max(0, phq9 - 3);
                case FEELINGS -> Math.min(15, phq9 / 2 + 2);
                case CSI4 -> Math.max(4, 20 - phq9);
                case PARTNER_SAFETY -> 0;
            };
            given.putAll(measure == Measure.PARTNER_SAFETY ? Map.of("safety.partner_fear", List.of("no"))
                    : spread(definition, target));
            versions.add(definition.key());
            if (measure.scored()) {
                Scorer.score(definition, Answers.of(given)).scores().stream()
                        .filter(s -> s.id().equals(measure.scoreId())).findFirst()
                        .ifPresent(s -> scores.put(measure.scoreId(), s.total()));
            }
        }
        return new AnsweredSet(EnumSet.copyOf(asked), versions, given, scores);
    }

    /** Item answers adding up to {@code target}, spread evenly; the risk item (PHQ-9 item 9) stays at 0. */
    private static Map<String, List<String>> spread(QuestionnaireDefinition definition, int target) {
        List<Item> items = definition.items().stream().filter(i -> !i.id().equals("phq9.9")).toList();
        int[] values = new int[items.size()];
        int left = target;
        boolean added = true;
        while (left > 0 && added) {
            added = false;
            for (int i = 0; i < items.size() && left > 0; i++) {
                int max = definition.optionsFor(items.get(i)).stream().mapToInt(Option::score).max().orElse(0);
                if (values[i] < max) {
                    values[i]++;
                    left--;
                    added = true;
                }
            }
        }
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            answers.put(items.get(i).id(), List.of(String.valueOf(values[i])));
        }
        definition.items().stream().filter(i -> i.id().equals("phq9.9"))
                .forEach(i -> answers.put(i.id(), List.of("0")));
        return answers;
    }
}
