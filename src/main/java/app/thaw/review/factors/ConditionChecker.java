package app.thaw.review.factors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.ScoreDefinition;
import app.thaw.review.factors.FactorRule.Kind;

import org.jspecify.annotations.Nullable;

/** Checks one rule's condition: its fields, reason template, and (with a questionnaire) ids and thresholds. */
final class ConditionChecker {

    // The fields each kind reads; any other field set on a rule is a mistake worth reporting.
    private static final Map<Kind, Set<String>> FIELDS = Map.of(
            Kind.COUNT_AT_LEAST, Set.of("items", "minScore", "atLeast", "reason"),
            Kind.SUM_AT_LEAST, Set.of("items", "atLeast", "reason"),
            Kind.SCORE_AT_LEAST, Set.of("score", "atLeast", "reason"),
            Kind.ANSWER_IN, Set.of("item", "values", "reason"),
            Kind.ALL_OF, Set.of("allOf"));

    private final @Nullable QuestionnaireDefinition d;
    private final Consumer<String> problems;

    /** @param definition null to check only what does not depend on the questionnaire */
    ConditionChecker(@Nullable QuestionnaireDefinition definition, Consumer<String> problems) {
        this.d = definition;
        this.problems = problems;
    }

    void check(String name, FactorRule rule) {
        if (rule.kind() == null) {
            add(name + " has no kind (expected one of " + Arrays.toString(Kind.values()) + ")");
            return;
        }
        for (String field : presentFields(rule)) {
            if (!Objects.requireNonNull(FIELDS.get(rule.kind()), "every kind has fields").contains(field)) {
                add(name + ": " + rule.kind() + " takes no " + field);
            }
        }
        if (rule.kind() != Kind.ALL_OF) {
            checkReason(name, rule);
        }
        switch (rule.kind()) {
            case COUNT_AT_LEAST -> checkCount(name, rule);
            case SUM_AT_LEAST -> checkSum(name, rule);
            case SCORE_AT_LEAST -> checkScore(name, rule);
            case ANSWER_IN -> checkAnswerIn(name, rule);
            case ALL_OF -> checkAllOf(name, rule);
        }
    }

    private void checkReason(String name, FactorRule rule) {
        if (blank(rule.reason())) {
            add(name + " has no reason");
            return;
        }
        for (String placeholder : ReasonTemplate.placeholders(rule.reason())) {
            if (!rule.kind().placeholders().contains(placeholder)) {
                add(name + ": unknown placeholder {" + placeholder + "} in reason (" + rule.kind() + " allows "
                        + rule.kind().placeholders().stream().sorted().map(p -> "{" + p + "}").toList() + ")");
            }
        }
    }

    private void checkCount(String name, FactorRule rule) {
        List<Item> items = checkItems(name, rule.items());
        Integer min = rule.minScore();
        if (min == null) {
            add(name + " has no minScore");
        } else if (d != null) {
            Set<String> labels = new LinkedHashSet<>();
            for (Item item : items) {
                int max = ItemRefs.maxScore(item, d);
                Optional<String> label = ItemRefs.labelForScore(item, d, min);
                if (min < 1 || min > max) {
                    add(name + ": minScore " + min + " is outside the possible range 1–" + max + " of item '"
                            + item.id() + "'");
                } else if (label.isEmpty()) {
                    add(name + ": no answer to item '" + item.id() + "' scores exactly " + min);
                }
                label.ifPresent(labels::add);
            }
            if (labels.size() > 1) {
                add(name + ": the items label score " + min + " differently " + labels + ", so {minLabel} is ambiguous");
            }
        }
        checkThreshold(name, rule.atLeast(), items.size(), d != null && !items.isEmpty());
    }

    private void checkSum(String name, FactorRule rule) {
        List<Item> items = checkItems(name, rule.items());
        int max = d == null ? 0 : items.stream().mapToInt(i -> ItemRefs.maxScore(i, d)).sum();
        checkThreshold(name, rule.atLeast(), max, d != null && !items.isEmpty());
    }

    private void checkScore(String name, FactorRule rule) {
        if (blank(rule.score())) {
            add(name + " has no score");
            checkThreshold(name, rule.atLeast(), 0, false);
            return;
        }
        Optional<ScoreDefinition> score = d == null ? Optional.empty() : d.score(rule.score());
        if (d != null && score.isEmpty()) {
            add(name + ": unknown score '" + rule.score() + "' (expected one of "
                    + d.scores().stream().map(ScoreDefinition::id).toList() + ")");
        }
        int max = score.map(this::maxOf).orElse(0);
        checkThreshold(name, rule.atLeast(), max, score.isPresent());
        if (score.isPresent() && score.get().bands().isEmpty() && !blank(rule.reason())
                && ReasonTemplate.placeholders(rule.reason()).contains("band")) {
            add(name + ": score '" + rule.score() + "' has no bands, so {band} cannot be filled");
        }
    }

    private void checkAnswerIn(String name, FactorRule rule) {
        if (rule.values().isEmpty()) {
            add(name + " has no values");
        }
        if (blank(rule.item())) {
            add(name + " has no item");
            return;
        }
        if (d == null) {
            return;
        }
        Optional<Item> item = d.item(rule.item());
        if (item.isEmpty()) {
            add(name + ": unknown item '" + rule.item() + "'");
        } else if (!item.get().kind().hasOptions()) {
            add(name + ": item '" + rule.item() + "' takes free text, which rules never read");
        } else {
            for (String value : rule.values()) {
                if (d.option(item.get(), value).isEmpty()) {
                    add(name + ": '" + value + "' is not an answer option of item '" + rule.item() + "'");
                }
            }
        }
    }

    private void checkAllOf(String name, FactorRule rule) {
        if (rule.allOf().size() < 2) {
            add(name + ": allOf needs at least 2 conditions");
        }
        for (int i = 0; i < rule.allOf().size(); i++) {
            FactorRule condition = rule.allOf().get(i);
            String conditionName = name + " condition " + (i + 1);
            if (!blank(condition.id()) || !blank(condition.tag())) {
                add(conditionName + ": a condition inside allOf takes no id or tag");
            }
            check(conditionName, condition);
        }
    }

    /** The distinct items the references name; reports unknown, repeated and unscored ones. */
    private List<Item> checkItems(String name, List<String> refs) {
        if (refs.isEmpty()) {
            add(name + " has no items");
        }
        if (d == null) {
            return List.of();
        }
        Map<String, Item> found = new LinkedHashMap<>();
        for (String ref : refs) {
            List<Item> matched = ItemRefs.matching(ref, d);
            if (matched.isEmpty()) {
                add(name + ": " + (ItemRefs.isPrefix(ref) ? "item prefix '" + ref + "' matches no item"
                        : "unknown item '" + ref + "'"));
            }
            for (Item item : matched) {
                if (found.putIfAbsent(item.id(), item) != null) {
                    add(name + ": item '" + item.id() + "' is listed twice");
                } else if (!ItemRefs.isScored(item, d)) {
                    add(name + ": item '" + item.id() + "' is not scored");
                }
            }
        }
        return found.values().stream().filter(i -> ItemRefs.isScored(i, d)).toList();
    }

    private void checkThreshold(String name, Integer atLeast, int max, boolean rangeKnown) {
        if (atLeast == null) {
            add(name + " has no atLeast");
        } else if (rangeKnown && (atLeast < 1 || atLeast > max)) {
            add(name + ": atLeast " + atLeast + " is outside the possible range 1–" + max);
        }
    }

    private int maxOf(ScoreDefinition score) {
        QuestionnaireDefinition d = Objects.requireNonNull(this.d, "a score is found only in a definition");
        return score.items().stream().flatMap(id -> d.item(id).stream()).mapToInt(i -> ItemRefs.maxScore(i, d)).sum();
    }

    private static List<String> presentFields(FactorRule rule) {
        List<String> present = new ArrayList<>();
        if (!rule.items().isEmpty()) {
            present.add("items");
        }
        if (rule.minScore() != null) {
            present.add("minScore");
        }
        if (rule.atLeast() != null) {
            present.add("atLeast");
        }
        if (rule.score() != null) {
            present.add("score");
        }
        if (rule.item() != null) {
            present.add("item");
        }
        if (!rule.values().isEmpty()) {
            present.add("values");
        }
        if (!rule.allOf().isEmpty()) {
            present.add("allOf");
        }
        if (rule.reason() != null) {
            present.add("reason");
        }
        return present;
    }

    private void add(String problem) {
        problems.accept(problem);
    }

    private static boolean blank(String s) {
        return FactorRuleChecker.blank(s);
    }
}
