package app.thaw.review.factors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.Option;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.Visibility;

/** Resolves the item references of a rule and reads option scores the way the Scorer does. */
final class ItemRefs {

    private ItemRefs() {
    }

    static boolean isPrefix(String ref) {
        return ref.endsWith(".*");
    }

    /** The items one reference names, in questionnaire order; empty when it names none. */
    static List<Item> matching(String ref, QuestionnaireDefinition definition) {
        if (isPrefix(ref)) {
            String prefix = ref.substring(0, ref.length() - 1);
            return definition.items().stream().filter(i -> i.id().startsWith(prefix)).toList();
        }
        return definition.item(ref).map(List::of).orElse(List.of());
    }

    /** Every item the references name, in reference order; unknown references add nothing. */
    static List<Item> expand(List<String> refs, QuestionnaireDefinition definition) {
        List<Item> items = new ArrayList<>();
        for (String ref : refs) {
            if (ref != null) {
                items.addAll(matching(ref, definition));
            }
        }
        return items;
    }

    static int maxScore(Item item, QuestionnaireDefinition definition) {
        return definition.optionsFor(item).stream().mapToInt(Option::score).max().orElse(0);
    }

    /** An item feeds a count or sum only when some answer to it scores above zero. */
    static boolean isScored(Item item, QuestionnaireDefinition definition) {
        return item.kind().hasOptions() && item.kind().isSingleValued() && maxScore(item, definition) > 0;
    }

    /** The label of the item's option that scores exactly {@code score}, if any. */
    static Optional<String> labelForScore(Item item, QuestionnaireDefinition definition, int score) {
        return definition.optionsFor(item).stream().filter(o -> o.score() == score).map(Option::label).findFirst();
    }

    /** The option score of a visible item's single valid answer; empty when hidden, unanswered or invalid. */
    static OptionalInt answeredScore(Item item, QuestionnaireDefinition definition, Visibility visibility,
            Answers answers) {
        List<String> given = answers.multi(item.id());
        if (!visibility.isVisible(item, answers) || given.size() != 1) {
            return OptionalInt.empty();
        }
        return definition.option(item, given.getFirst()).map(o -> OptionalInt.of(o.score())).orElse(OptionalInt.empty());
    }
}
