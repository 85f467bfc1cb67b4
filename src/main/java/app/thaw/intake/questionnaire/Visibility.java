package app.thaw.intake.questionnaire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows {@link Item#showIf()} conditions. A hidden item is never required, and its answer is
 * ignored by validation and scoring; a condition on an item that is itself hidden is not met.
 */
public final class Visibility {

    private final QuestionnaireDefinition definition;
    private final int maxDepth;

    private Visibility(QuestionnaireDefinition definition) {
        this.definition = definition;
        this.maxDepth = definition.items().size();
    }

    public static Visibility of(QuestionnaireDefinition definition) {
        return new Visibility(definition);
    }

    public boolean isVisible(Item item, Answers answers) {
        return isVisible(item, answers, 0);
    }

    /** Unknown ids are not visible. */
    public boolean isVisible(String itemId, Answers answers) {
        return definition.item(itemId).map(i -> isVisible(i, answers)).orElse(false);
    }

    public List<Item> visibleItems(Section section, Answers answers) {
        return section.items().stream().filter(i -> isVisible(i, answers)).toList();
    }

    public List<Item> visibleItems(Answers answers) {
        return definition.items().stream().filter(i -> isVisible(i, answers)).toList();
    }

    /** Only the answers to known, visible items, in questionnaire order: what should be stored on submit. */
    public Answers visibleOnly(Answers answers) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (Item item : visibleItems(answers)) {
            if (answers.contains(item.id())) {
                kept.put(item.id(), answers.multi(item.id()));
            }
        }
        return Answers.of(kept);
    }

    private boolean isVisible(Item item, Answers answers, int depth) {
        Condition condition = item.showIf();
        if (condition == null) {
            return true;
        }
        // Guards hand-built definitions with a condition cycle; loaded ones cannot have one.
        if (depth >= maxDepth) {
            return false;
        }
        Optional<Item> source = definition.item(condition.item());
        if (source.isEmpty() || !isVisible(source.get(), answers, depth + 1)) {
            return false;
        }
        return answers.multi(condition.item()).stream().anyMatch(condition.anyOf()::contains);
    }
}
