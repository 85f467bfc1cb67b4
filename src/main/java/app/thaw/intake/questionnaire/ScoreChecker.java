package app.thaw.intake.questionnaire;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Checks scores (scorable items, contiguous bands) and risk rules of a definition. */
final class ScoreChecker {

    /** Reports values that are not among an item's options. */
    interface ValueCheck {
        void check(String context, Item source, List<String> values);
    }

    private final QuestionnaireDefinition d;
    private final Consumer<String> problems;
    private final ValueCheck values;

    ScoreChecker(QuestionnaireDefinition d, Consumer<String> problems, ValueCheck values) {
        this.d = d;
        this.problems = problems;
        this.values = values;
    }

    void check() {
        checkScores();
        checkRiskRules();
    }

    private void checkScores() {
        Set<String> ids = new HashSet<>();
        for (ScoreDefinition score : d.scores()) {
            String sc = "score '" + score.id() + "'";
            if (DefinitionChecker.blank(score.id())) {
                problems.accept("a score has no id");
            } else if (!ids.add(score.id())) {
                problems.accept("duplicate score id '" + score.id() + "'");
            }
            if (DefinitionChecker.blank(score.label())) {
                problems.accept(sc + " has no label");
            }
            if (score.items().isEmpty()) {
                problems.accept(sc + " lists no items");
            }
            boolean maxKnown = true;
            int max = 0;
            Set<String> seen = new HashSet<>();
            for (String itemId : score.items()) {
                if (!seen.add(itemId)) {
                    problems.accept(sc + " lists item '" + itemId + "' twice");
                }
                Item item = d.item(itemId).orElse(null);
                if (item == null) {
                    problems.accept(sc + " refers to unknown item '" + itemId + "'");
                    maxKnown = false;
                } else if (item.kind() == ItemKind.SCALE && d.scale(item.scale()).isEmpty()) {
                    // The unknown scale is already reported against the item.
                    maxKnown = false;
                } else if (item.kind() != ItemKind.SCALE && item.kind() != ItemKind.SINGLE_CHOICE) {
                    problems.accept(sc + " uses item '" + itemId + "', which is a " + item.kind()
                            + " item; only SCALE and SINGLE_CHOICE items can be scored");
                    maxKnown = false;
                } else if (d.optionsFor(item).stream().allMatch(o -> o.score() == 0)) {
                    problems.accept(sc + " uses item '" + itemId + "', whose options carry no scores");
                    maxKnown = false;
                } else {
                    max += d.optionsFor(item).stream().mapToInt(Option::score).max().orElse(0);
                }
            }
            checkBands(sc, score.bands(), maxKnown ? max : -1);
        }
    }

    private void checkBands(String sc, List<Band> bands, int max) {
        if (bands.isEmpty()) {
            return;
        }
        Band previous = null;
        for (Band band : bands) {
            if (DefinitionChecker.blank(band.label())) {
                problems.accept(sc + " has a band " + band.min() + "–" + band.max() + " without a label");
            }
            if (band.min() > band.max()) {
                problems.accept(sc + " band '" + band.label() + "' starts at " + band.min() + " but ends at " + band.max());
            }
            if (previous == null) {
                if (band.min() != 0) {
                    problems.accept(sc + " bands must start at 0 (the first band starts at " + band.min() + ")");
                }
            } else if (band.min() > previous.max() + 1) {
                problems.accept(sc + " has a gap between bands '" + previous.label() + "' (ends " + previous.max()
                        + ") and '" + band.label() + "' (starts " + band.min() + ")");
            } else if (band.min() <= previous.max()) {
                problems.accept(sc + " has overlapping bands '" + previous.label() + "' (ends " + previous.max()
                        + ") and '" + band.label() + "' (starts " + band.min() + ")");
            }
            previous = band;
        }
        if (max >= 0 && previous != null && previous.max() != max) {
            problems.accept(sc + " bands end at " + previous.max() + " but the maximum possible score is " + max);
        }
    }

    private void checkRiskRules() {
        Set<String> ids = new HashSet<>();
        for (RiskRule rule : d.riskRules()) {
            String r = "risk rule '" + rule.id() + "'";
            if (DefinitionChecker.blank(rule.id())) {
                problems.accept("a risk rule has no id");
            } else if (!ids.add(rule.id())) {
                problems.accept("duplicate risk rule id '" + rule.id() + "'");
            }
            if (DefinitionChecker.blank(rule.description())) {
                problems.accept(r + " has no description");
            }
            Item item = DefinitionChecker.blank(rule.item()) ? null : d.item(rule.item()).orElse(null);
            if (item == null) {
                problems.accept(r + " refers to unknown item '" + rule.item() + "'");
                continue;
            }
            if (rule.anyOf().isEmpty()) {
                problems.accept(r + " lists no answer values");
            }
            values.check(r + " fires when '" + rule.item() + "' is", item, rule.anyOf());
        }
    }
}
