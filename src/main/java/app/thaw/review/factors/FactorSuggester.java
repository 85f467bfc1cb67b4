package app.thaw.review.factors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.Option;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.Score;
import app.thaw.intake.questionnaire.ScoreReport;
import app.thaw.intake.questionnaire.Visibility;

/**
 * Pure, deterministic suggestion of contributing factors: a tag is suggested when any of its rules
 * fires, with the reason of each rule that did. Hidden items never count, and reasons are built
 * only from numbers and the definition's own labels, so nothing the client typed can appear.
 * Suggestions are advisory; a therapist decides.
 */
public final class FactorSuggester {

    private FactorSuggester() {
    }

    /**
     * @param rules  validated against {@code definition}; a rule naming an unknown tag, item or score never fires
     * @param scores the {@code Scorer} report of the same answers
     * @return suggestions in the rule set's tag order, each with at least one reason
     */
    public static List<FactorSuggestion> suggest(FactorRuleSet rules, QuestionnaireDefinition definition,
            Answers answers, ScoreReport scores) {
        Context context = new Context(definition, Visibility.of(definition), answers, scores);
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        rules.tags().forEach(t -> reasons.put(t.id(), new ArrayList<>()));
        for (FactorRule rule : rules.rules()) {
            List<String> tagReasons = rule.tag() == null ? null : reasons.get(rule.tag());
            if (tagReasons != null) {
                evaluate(rule, context).ifPresent(tagReasons::add);
            }
        }
        List<FactorSuggestion> suggestions = new ArrayList<>();
        for (FactorTag tag : rules.tags()) {
            List<String> found = Objects.requireNonNull(reasons.get(tag.id()), "a list for every tag");
            // A duplicated tag id (rejected by validation) must not yield the suggestion twice.
            if (!found.isEmpty() && suggestions.stream().noneMatch(s -> s.tagId().equals(tag.id()))) {
                suggestions.add(new FactorSuggestion(tag.id(), tag.label(), found));
            }
        }
        return List.copyOf(suggestions);
    }

    private record Context(QuestionnaireDefinition definition, Visibility visibility, Answers answers,
            ScoreReport scores) {
    }

    /** The rendered reason when the condition is met. */
    private static Optional<String> evaluate(FactorRule rule, Context c) {
        // Unvalidated rules built in code may lack these; such a rule simply never fires.
        if (rule.kind() == null || (rule.kind() != FactorRule.Kind.ALL_OF && FactorRuleChecker.blank(rule.reason()))) {
            return Optional.empty();
        }
        return switch (rule.kind()) {
            case COUNT_AT_LEAST -> countAtLeast(rule, c);
            case SUM_AT_LEAST -> sumAtLeast(rule, c);
            case SCORE_AT_LEAST -> scoreAtLeast(rule, c);
            case ANSWER_IN -> answerIn(rule, c);
            case ALL_OF -> allOf(rule, c);
        };
    }

    private static Optional<String> countAtLeast(FactorRule rule, Context c) {
        if (rule.minScore() == null || rule.atLeast() == null) {
            return Optional.empty();
        }
        List<Item> items = ItemRefs.expand(rule.items(), c.definition());
        int count = 0;
        for (Item item : items) {
            OptionalInt score = ItemRefs.answeredScore(item, c.definition(), c.visibility(), c.answers());
            if (score.isPresent() && score.getAsInt() >= rule.minScore()) {
                count++;
            }
        }
        if (items.isEmpty() || count < rule.atLeast()) {
            return Optional.empty();
        }
        String minLabel = ItemRefs.labelForScore(items.getFirst(), c.definition(), rule.minScore())
                .map(ReasonTemplate::midSentence).orElse(String.valueOf(rule.minScore()));
        return Optional.of(ReasonTemplate.render(rule.reason(), Map.of(
                "count", String.valueOf(count), "total", String.valueOf(items.size()), "minLabel", minLabel)));
    }

    private static Optional<String> sumAtLeast(FactorRule rule, Context c) {
        if (rule.atLeast() == null) {
            return Optional.empty();
        }
        List<Item> items = ItemRefs.expand(rule.items(), c.definition());
        int sum = 0;
        int max = 0;
        for (Item item : items) {
            sum += ItemRefs.answeredScore(item, c.definition(), c.visibility(), c.answers()).orElse(0);
            max += ItemRefs.maxScore(item, c.definition());
        }
        if (items.isEmpty() || sum < rule.atLeast()) {
            return Optional.empty();
        }
        return Optional.of(ReasonTemplate.render(rule.reason(),
                Map.of("sum", String.valueOf(sum), "max", String.valueOf(max))));
    }

    private static Optional<String> scoreAtLeast(FactorRule rule, Context c) {
        if (rule.score() == null || rule.atLeast() == null) {
            return Optional.empty();
        }
        Optional<Score> found = c.scores().score(rule.score());
        if (found.isEmpty() || found.get().total() < rule.atLeast()) {
            return Optional.empty();
        }
        Score score = found.get();
        return Optional.of(ReasonTemplate.render(rule.reason(), Map.of(
                "total", String.valueOf(score.total()), "max", String.valueOf(score.max()),
                "band", score.band() != null ? score.band() : "no band", "label", score.label())));
    }

    private static Optional<String> answerIn(FactorRule rule, Context c) {
        Optional<Item> item = rule.item() == null ? Optional.empty() : c.definition().item(rule.item());
        if (item.isEmpty() || !item.get().kind().hasOptions() || !c.visibility().isVisible(item.get(), c.answers())) {
            return Optional.empty();
        }
        List<String> given = c.answers().multi(item.get().id());
        // Labels in the definition's option order; values the client sent that are not options are never read.
        List<String> labels = c.definition().optionsFor(item.get()).stream()
                .filter(o -> rule.values().contains(o.value()) && given.contains(o.value()))
                .map(Option::label).map(ReasonTemplate::midSentence).toList();
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ReasonTemplate.render(rule.reason(), Map.of("answers", String.join("; ", labels))));
    }

    private static Optional<String> allOf(FactorRule rule, Context c) {
        if (rule.allOf().isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (FactorRule condition : rule.allOf()) {
            Optional<String> reason = evaluate(condition, c);
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            parts.add(parts.isEmpty() ? reason.get() : ReasonTemplate.midSentence(reason.get()));
        }
        return Optional.of(String.join(" and ", parts));
    }
}
