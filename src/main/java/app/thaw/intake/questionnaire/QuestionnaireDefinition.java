package app.thaw.intake.questionnaire;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One version of the intake questionnaire, loaded from YAML and stored with every submission so an
 * old submission always renders with the questions that were actually asked.
 *
 * @param privacyNoticeVersion the privacy notice the consent items refer to, e.g. "2026-11"
 */
public record QuestionnaireDefinition(
        String id,
        int version,
        String title,
        @Nullable String intro,
        @Nullable String privacyNoticeVersion,
        List<Scale> scales,
        List<Section> sections,
        List<ScoreDefinition> scores,
        List<RiskRule> riskRules) {

    public QuestionnaireDefinition {
        scales = Copies.list(scales);
        sections = Copies.list(sections);
        scores = Copies.list(scores);
        riskRules = Copies.list(riskRules);
    }

    /** "intake-v1": the name used in logs, error messages and stored submissions. */
    public String key() {
        return id + "-v" + version;
    }

    /** Every item in questionnaire order. */
    public List<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream()).toList();
    }

    public Optional<Item> item(String itemId) {
        for (Section section : sections) {
            Optional<Item> found = section.item(itemId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public Optional<Section> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    public Optional<Section> sectionOf(String itemId) {
        return sections.stream().filter(s -> s.item(itemId).isPresent()).findFirst();
    }

    public Optional<Scale> scale(@Nullable String scaleId) {
        return scales.stream().filter(s -> s.id().equals(scaleId)).findFirst();
    }

    public Optional<ScoreDefinition> score(String scoreId) {
        return scores.stream().filter(s -> s.id().equals(scoreId)).findFirst();
    }

    /** The answers an item accepts: its own options, or those of its shared scale. */
    public List<Option> optionsFor(Item item) {
        if (item.kind() == ItemKind.SCALE) {
            return scale(item.scale()).map(Scale::options).orElse(List.of());
        }
        return item.options();
    }

    public Optional<Option> option(Item item, String value) {
        return optionsFor(item).stream().filter(o -> o.value().equals(value)).findFirst();
    }

    /** The stem to show above a SCALE item (null for other kinds). */
    public @Nullable String stemFor(Item item) {
        return item.kind() == ItemKind.SCALE ? scale(item.scale()).map(Scale::stem).orElse(null) : null;
    }
}
