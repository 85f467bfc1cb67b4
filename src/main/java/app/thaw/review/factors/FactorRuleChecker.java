package app.thaw.review.factors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import app.thaw.intake.questionnaire.QuestionnaireDefinition;

import org.jspecify.annotations.Nullable;

/**
 * Finds every problem in a rule set, so one start-up failure shows them all. Without a
 * questionnaire only the shape is checked; with one, every item, score and threshold too.
 */
final class FactorRuleChecker {

    private static final Pattern TAG_ID = Pattern.compile("[a-z][a-z0-9_]*");

    private final FactorRuleSet set;
    private final @Nullable QuestionnaireDefinition d;
    private final String prefix;
    private final List<String> problems = new ArrayList<>();
    private final ConditionChecker conditions;

    private FactorRuleChecker(FactorRuleSet set, @Nullable QuestionnaireDefinition definition, String source) {
        this.set = set;
        this.d = definition;
        this.prefix = (blank(set.id()) ? source : set.key()) + ": ";
        this.conditions = new ConditionChecker(definition, this::add);
    }

    /** @param definition null to check only what does not depend on the questionnaire */
    static List<String> problems(FactorRuleSet set, @Nullable QuestionnaireDefinition definition, String source) {
        FactorRuleChecker checker = new FactorRuleChecker(set, definition, source);
        checker.checkHeader();
        checker.checkTags();
        checker.checkRules();
        return List.copyOf(checker.problems);
    }

    private void checkHeader() {
        if (blank(set.id())) {
            add("the rule set has no id");
        }
        if (set.version() < 1) {
            add("version must be 1 or more (was " + set.version() + ")");
        }
        if (blank(set.questionnaireId())) {
            add("questionnaireId is missing");
        }
        if (set.questionnaireVersion() < 1) {
            add("questionnaireVersion must be 1 or more (was " + set.questionnaireVersion() + ")");
        }
        if (d != null && !blank(set.questionnaireId()) && !set.questionnaireKey().equals(d.key())) {
            add("written for questionnaire " + set.questionnaireKey() + " but checked against " + d.key());
        }
        if (set.tags().isEmpty()) {
            add("the rule set has no tags");
        }
        if (set.rules().isEmpty()) {
            add("the rule set has no rules");
        }
    }

    private void checkTags() {
        Set<String> ids = new HashSet<>();
        for (FactorTag tag : set.tags()) {
            if (blank(tag.id())) {
                add("a tag has no id");
                continue;
            }
            if (!TAG_ID.matcher(tag.id()).matches()) {
                add("tag id '" + tag.id() + "' must be lower-case letters, digits and underscores");
            }
            if (!ids.add(tag.id())) {
                add("duplicate tag id '" + tag.id() + "'");
            }
            if (blank(tag.label())) {
                add("tag '" + tag.id() + "' has no label");
            }
            if (blank(tag.description())) {
                add("tag '" + tag.id() + "' has no description");
            }
        }
    }

    private void checkRules() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < set.rules().size(); i++) {
            FactorRule rule = set.rules().get(i);
            String name = blank(rule.id()) ? "rule " + (i + 1) : "rule '" + rule.id() + "'";
            if (blank(rule.id())) {
                add(name + " has no id");
            } else if (!ids.add(rule.id())) {
                add("duplicate rule id '" + rule.id() + "'");
            }
            if (blank(rule.tag())) {
                add(name + " has no tag");
            } else if (set.tag(rule.tag()).isEmpty()) {
                add(name + ": unknown tag '" + rule.tag() + "'");
            }
            conditions.check(name, rule);
        }
    }

    private void add(String problem) {
        problems.add(prefix + problem);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
