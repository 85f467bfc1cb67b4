package app.thaw.intake.questionnaire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Finds every structural problem in a definition, so one start-up failure shows them all. */
final class DefinitionChecker {

    private static final List<String> CONSENT_VALUES = List.of("true", "false");

    private final QuestionnaireDefinition d;
    private final String prefix;
    private final List<String> problems = new ArrayList<>();

    private DefinitionChecker(QuestionnaireDefinition d, String source) {
        this.d = d;
        this.prefix = (blank(d.id()) ? source : d.key()) + ": ";
    }

    static List<String> problems(QuestionnaireDefinition definition, String source) {
        DefinitionChecker checker = new DefinitionChecker(definition, source);
        checker.checkHeader();
        checker.checkScales();
        checker.checkSectionsAndItems();
        new ScoreChecker(definition, checker::add, checker::checkValues).check();
        return List.copyOf(checker.problems);
    }

    private void checkHeader() {
        if (blank(d.id())) {
            add("the questionnaire has no id");
        } else {
            checkId("questionnaire", d.id());
        }
        if (d.version() < 1) {
            add("version must be 1 or more (was " + d.version() + ")");
        }
        if (blank(d.title())) {
            add("the questionnaire has no title");
        }
        if (blank(d.privacyNoticeVersion())) {
            add("privacyNoticeVersion is missing");
        }
        if (d.sections().isEmpty()) {
            add("the questionnaire has no sections");
        }
    }

    private void checkScales() {
        Set<String> ids = new HashSet<>();
        for (Scale scale : d.scales()) {
            if (blank(scale.id())) {
                add("a scale has no id");
                continue;
            }
            checkId("scale", scale.id());
            if (!ids.add(scale.id())) {
                add("duplicate scale id '" + scale.id() + "'");
            }
            if (blank(scale.stem())) {
                add("scale '" + scale.id() + "' has no stem");
            }
            if (scale.options().isEmpty()) {
                add("scale '" + scale.id() + "' has no options");
            }
            checkOptions("scale '" + scale.id() + "'", scale.options(), false);
        }
    }

    private void checkSectionsAndItems() {
        Set<String> sectionIds = new HashSet<>();
        Map<String, String> itemSection = new HashMap<>();
        Map<String, Item> earlier = new HashMap<>();
        Set<String> allItemIds = new HashSet<>();
        d.items().forEach(i -> allItemIds.add(i.id()));
        for (Section section : d.sections()) {
            if (blank(section.id())) {
                add("a section has no id");
            } else {
                checkId("section", section.id());
                if (!sectionIds.add(section.id())) {
                    add("duplicate section id '" + section.id() + "'");
                }
            }
            if (blank(section.title())) {
                add("section '" + section.id() + "' has no title");
            }
            if (section.items().isEmpty()) {
                add("section '" + section.id() + "' has no items");
            }
            for (Item item : section.items()) {
                if (blank(item.id())) {
                    add("an item in section '" + section.id() + "' has no id");
                    continue;
                }
                String firstSection = itemSection.putIfAbsent(item.id(), section.id());
                if (firstSection != null) {
                    add("duplicate item id '" + item.id() + "' (in sections '" + firstSection
                            + "' and '" + section.id() + "')");
                }
                checkItem(item, earlier, allItemIds);
                earlier.putIfAbsent(item.id(), item);
            }
        }
    }

    private void checkItem(Item item, Map<String, Item> earlier, Set<String> allItemIds) {
        String it = "item '" + item.id() + "'";
        checkId("item", item.id());
        if (blank(item.text())) {
            add(it + " has no text");
        }
        ItemKind kind = item.kind();
        if (kind == null) {
            add(it + " has no kind");
            return;
        }
        if (kind == ItemKind.SCALE) {
            if (blank(item.scale())) {
                add(it + " is a SCALE item but names no scale");
            } else if (d.scale(item.scale()).isEmpty()) {
                add(it + " refers to unknown scale '" + item.scale() + "'");
            }
            if (!item.options().isEmpty()) {
                add(it + " is a SCALE item and must take its options from the scale, not list its own");
            }
        } else {
            if (item.scale() != null) {
                add(it + " names scale '" + item.scale() + "' but is a " + kind + " item, not SCALE");
            }
            if (kind.hasOptions() && item.options().isEmpty()) {
                add(it + " (" + kind + ") has no options");
            } else if (!kind.hasOptions() && !item.options().isEmpty()) {
                add(it + " (" + kind + ") must not have options");
            }
            checkOptions(it, item.options(), kind == ItemKind.MULTI_CHOICE);
        }
        if (item.maxLength() != null) {
            int limit = FieldLimits.maxLength(kind);
            if (!kind.isText()) {
                add(it + " has a maxLength but is a " + kind + " item; maxLength applies to text items only");
            } else if (item.maxLength() <= 0) {
                add(it + " maxLength must be positive (was " + item.maxLength() + ")");
            } else if (item.maxLength() > limit) {
                add(it + " maxLength " + item.maxLength() + " is above the storage limit of " + limit
                        + " for " + kind + " (FieldLimits)");
            }
        }
        if (item.adultOnly() && kind != ItemKind.DATE) {
            add(it + " is adultOnly but is a " + kind + " item, not DATE");
        }
        if (item.showIf() != null) {
            checkCondition(it, item, earlier, allItemIds);
        }
    }

    private void checkCondition(String it, Item item, Map<String, Item> earlier, Set<String> allItemIds) {
        Condition c = Objects.requireNonNull(item.showIf(), "called for an item with a condition");
        if (blank(c.item())) {
            add(it + " has a showIf condition that names no item");
            return;
        }
        Item source = earlier.get(c.item());
        if (source == null) {
            add(allItemIds.contains(c.item())
                    ? it + " shows only if '" + c.item() + "', which does not come before it"
                    : it + " shows only if unknown item '" + c.item() + "'");
            return;
        }
        if (c.anyOf().isEmpty()) {
            add(it + " has a showIf condition on '" + c.item() + "' that lists no values");
        }
        checkValues(it + " shows only if '" + c.item() + "' is", source, c.anyOf());
    }

    void checkValues(String context, Item source, List<String> values) {
        if (source.kind() == null || (source.kind() == ItemKind.SCALE && d.scale(source.scale()).isEmpty())) {
            return;
        }
        List<String> allowed;
        if (source.kind() == ItemKind.CONSENT) {
            allowed = CONSENT_VALUES;
        } else if (source.kind().hasOptions()) {
            allowed = d.optionsFor(source).stream().map(Option::value).toList();
        } else {
            add(context + " a value, but '" + source.id() + "' is a " + source.kind()
                    + " item; only choice, scale and consent items have fixed values");
            return;
        }
        for (String value : values) {
            if (!allowed.contains(value)) {
                add(context + " '" + value + "', which is not one of its options " + allowed);
            }
        }
    }

    private void checkOptions(String owner, List<Option> options, boolean exclusiveAllowed) {
        Set<String> values = new HashSet<>();
        for (Option option : options) {
            if (blank(option.value())) {
                add(owner + " has an option without a value");
                continue;
            }
            if (!values.add(option.value())) {
                add(owner + " has duplicate option value '" + option.value() + "'");
            }
            if (option.value().length() > FieldLimits.OPTION_VALUE) {
                add(owner + " option value '" + option.value() + "' is longer than "
                        + FieldLimits.OPTION_VALUE + " characters");
            }
            if (blank(option.label())) {
                add(owner + " option '" + option.value() + "' has no label");
            }
            if (option.score() < 0) {
                add(owner + " option '" + option.value() + "' has a negative score (" + option.score() + ")");
            }
            if (option.exclusive() && !exclusiveAllowed) {
                add(owner + " option '" + option.value() + "' is exclusive, which only applies to MULTI_CHOICE items");
            }
        }
    }

    private void checkId(String what, String id) {
        if (id.length() > FieldLimits.ID || !id.matches("[A-Za-z0-9_.-]+")) {
            add(what + " id '" + id + "' must be 1–" + FieldLimits.ID
                    + " letters, digits, '.', '_' or '-'");
        }
    }

    void add(String problem) {
        problems.add(prefix + problem);
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
