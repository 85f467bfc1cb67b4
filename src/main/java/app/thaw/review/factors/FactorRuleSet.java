package app.thaw.review.factors;

import java.util.List;
import java.util.Optional;

/**
 * One version of the contributing-factor rules, written for one questionnaire version. Stored
 * alongside each suggestion so the practice can later tell which rules produced it.
 */
public record FactorRuleSet(
        String id,
        int version,
        String questionnaireId,
        int questionnaireVersion,
        List<FactorTag> tags,
        List<FactorRule> rules) {

    public FactorRuleSet {
        tags = tags == null ? List.of() : List.copyOf(tags);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** "factor-rules-v1": the name used in logs, error messages and stored suggestions. */
    public String key() {
        return id + "-v" + version;
    }

    /** "intake-v1": the questionnaire these rules read, in {@code QuestionnaireDefinition#key()} form. */
    public String questionnaireKey() {
        return questionnaireId + "-v" + questionnaireVersion;
    }

    public Optional<FactorTag> tag(String tagId) {
        return tags.stream().filter(t -> t.id().equals(tagId)).findFirst();
    }

    public List<FactorRule> rulesFor(String tagId) {
        return rules.stream().filter(r -> tagId.equals(r.tag())).toList();
    }
}
