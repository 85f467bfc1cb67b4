package app.thaw.intake.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pure scoring: each score is the sum of the option scores of its answered, visible items; each
 * risk rule fires when its visible item holds one of the rule's values. Invalid values score nothing.
 */
public final class Scorer {

    private Scorer() {
    }

    public static ScoreReport score(QuestionnaireDefinition definition, Answers answers) {
        Visibility visibility = Visibility.of(definition);
        List<Score> scores = new ArrayList<>();
        for (ScoreDefinition sd : definition.scores()) {
            scores.add(score(definition, visibility, sd, answers));
        }
        List<RiskFlag> flags = new ArrayList<>();
        for (RiskRule rule : definition.riskRules()) {
            if (fires(rule, visibility, answers)) {
                flags.add(new RiskFlag(rule.id(), rule.description()));
            }
        }
        return new ScoreReport(scores, flags, !flags.isEmpty());
    }

    private static Score score(QuestionnaireDefinition d, Visibility visibility, ScoreDefinition sd, Answers answers) {
        int total = 0;
        int max = 0;
        int answered = 0;
        for (String itemId : sd.items()) {
            Optional<Item> found = d.item(itemId);
            if (found.isEmpty()) {
                continue;
            }
            Item item = found.get();
            max += d.optionsFor(item).stream().mapToInt(Option::score).max().orElse(0);
            if (!visibility.isVisible(item, answers) || answers.multi(itemId).size() != 1) {
                continue;
            }
            Optional<Option> chosen = d.option(item, answers.multi(itemId).getFirst());
            if (chosen.isPresent()) {
                total += chosen.get().score();
                answered++;
            }
        }
        String band = sd.bandFor(total).map(Band::label).orElse(null);
        return new Score(sd.id(), sd.label(), total, max, answered, sd.items().size(), band);
    }

    private static boolean fires(RiskRule rule, Visibility visibility, Answers answers) {
        return visibility.isVisible(rule.item(), answers)
                && answers.multi(rule.item()).stream().anyMatch(rule.anyOf()::contains);
    }
}
