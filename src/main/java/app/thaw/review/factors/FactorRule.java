package app.thaw.review.factors;

import java.util.List;
import java.util.Set;

/**
 * One condition that, when met, suggests its tag. A single record with a {@link Kind} keeps the
 * YAML flat; {@link FactorRuleLoader#validate} checks each kind has exactly the fields it uses.
 *
 * @param id       unique within the rule set; absent on conditions inside {@code allOf}
 * @param tag      the tag this rule suggests; absent on conditions inside {@code allOf}
 * @param items    item ids, or a prefix such as {@code "burnout.*"} for every item whose id starts "burnout."
 * @param minScore COUNT_AT_LEAST: an item counts when its option score is at least this
 * @param atLeast  the threshold: a count, a sum or a score total, depending on the kind
 * @param score    SCORE_AT_LEAST: a score id of the questionnaire
 * @param item     ANSWER_IN: a choice item
 * @param values   ANSWER_IN: option values; any one of them chosen fires the rule
 * @param allOf    ALL_OF: conditions that must all be met; their reasons are joined
 * @param reason   template for the reason shown to therapists; placeholders depend on the kind
 */
public record FactorRule(
        String id,
        String tag,
        Kind kind,
        List<String> items,
        Integer minScore,
        Integer atLeast,
        String score,
        String item,
        List<String> values,
        List<FactorRule> allOf,
        String reason) {

    public FactorRule {
        items = items == null ? List.of() : List.copyOf(items);
        values = values == null ? List.of() : List.copyOf(values);
        allOf = allOf == null ? List.of() : List.copyOf(allOf);
    }

    /** How a rule reads the answers; {@link #toString()} is the name used in YAML. */
    public enum Kind {
        /** At least {@code atLeast} of {@code items} scored {@code minScore} or more. */
        COUNT_AT_LEAST("countAtLeast", Set.of("count", "total", "minLabel")),
        /** The option scores of {@code items} add up to {@code atLeast} or more, e.g. PHQ-2. */
        SUM_AT_LEAST("sumAtLeast", Set.of("sum", "max")),
        /** A questionnaire score totals {@code atLeast} or more. */
        SCORE_AT_LEAST("scoreAtLeast", Set.of("total", "max", "band", "label")),
        /** A choice item holds one of {@code values}. */
        ANSWER_IN("answerIn", Set.of("answers")),
        /** Every condition in {@code allOf} is met. */
        ALL_OF("allOf", Set.of());

        private final String yamlName;
        private final Set<String> placeholders;

        Kind(String yamlName, Set<String> placeholders) {
            this.yamlName = yamlName;
            this.placeholders = placeholders;
        }

        /** The {name} placeholders its reason template may use. */
        public Set<String> placeholders() {
            return placeholders;
        }

        @Override
        public String toString() {
            return yamlName;
        }
    }
}
