package app.thaw.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.ContactFormats;
import app.thaw.intake.questionnaire.FieldLimits;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.TypedText;

/** Answers as they arrive from the form, made fit to keep: cleaned text, no invisible-only answers. */
final class ClientAnswers {

    private ClientAnswers() {
    }

    /** Every value cleaned ({@link TypedText#clean}); a value with nothing visible left is no answer at all. */
    static Answers cleaned(Answers answers) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        answers.asMap().forEach((itemId, values) -> kept.put(itemId, clean(values)));
        return Answers.of(kept);
    }

    /**
     * Only answers the form could accept reach the draft: a forged request can't park a megabyte or invented
     * questions there, and text over its limit is never cut: the last answer that fitted stays until the client
     * shortens it (the field says by how much). An answer cleared or left with nothing visible is removed.
     */
    static Map<String, List<String>> storable(QuestionnaireDefinition definition, Map<String, List<String>> changed) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        changed.forEach((itemId, values) -> definition.item(itemId).ifPresent(item -> {
            int maxValues = item.kind().hasOptions() ? Math.max(1, definition.optionsFor(item).size()) : 1;
            if (values == null || values.size() > maxValues || values.stream().anyMatch(v -> v == null
                    || ContactFormats.length(v) > FieldLimits.LONG_TEXT * 4)) {
                return;
            }
            List<String> cleaned = clean(values);
            if (cleaned.stream().allMatch(v -> ContactFormats.length(v) <= item.effectiveMaxLength())) {
                kept.put(itemId, cleaned);
            }
        }));
        return kept;
    }

    private static List<String> clean(List<String> values) {
        return values.stream().filter(v -> v != null).map(TypedText::clean).filter(TypedText::hasVisibleContent)
                .toList();
    }
}
