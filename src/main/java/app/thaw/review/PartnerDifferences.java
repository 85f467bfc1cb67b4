package app.thaw.review;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.Option;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;

/** Where two partners' scored answers are furthest apart: the conversations a couples therapist may want to have. */
final class PartnerDifferences {

    /** Two steps apart on a 0–3 scale, e.g. "several days" against "nearly every day". */
    static final int MINIMUM_GAP = 2;

    private PartnerDifferences() {
    }

    static List<String> mostDifferent(QuestionnaireDefinition definition, Answers first, Answers second) {
        record Gap(String itemId, int size) {
        }
        return definition.items().stream()
                .filter(item -> item.kind().hasOptions() && item.kind().isSingleValued())
                .flatMap(item -> score(definition, item, first)
                        .flatMap(a -> score(definition, item, second).map(b -> new Gap(item.id(), Math.abs(a - b))))
                        .stream())
                .filter(gap -> gap.size() >= MINIMUM_GAP)
                .sorted(Comparator.comparingInt(Gap::size).reversed())
                .map(Gap::itemId)
                .toList();
    }

    private static Optional<Integer> score(QuestionnaireDefinition definition, Item item, Answers answers) {
        return answers.single(item.id()).flatMap(value -> definition.option(item, value)).map(Option::score);
    }
}
