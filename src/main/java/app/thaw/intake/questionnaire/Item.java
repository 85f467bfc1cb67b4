package app.thaw.intake.questionnaire;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One question.
 *
 * @param help            optional hint under the question
 * @param scale           for SCALE items, the id of a shared {@link Scale}
 * @param options         for SINGLE_CHOICE and MULTI_CHOICE items
 * @param showIf          nullable; when set, the item is shown (and required, scored) only if met
 * @param maxLength       nullable; text kinds fall back to {@link FieldLimits#maxLength(ItemKind)}
 * @param note            optional text shown under the item, e.g. an instrument's attribution
 * @param adultOnly       for DATE items holding a date of birth: the person must be 18 or over
 * @param requiredMessage optional kinder wording for the "please answer" message
 */
public record Item(
        String id,
        String text,
        @Nullable String help,
        ItemKind kind,
        boolean required,
        @Nullable String scale,
        List<Option> options,
        @Nullable Condition showIf,
        @Nullable Integer maxLength,
        @Nullable String note,
        boolean adultOnly,
        @Nullable String requiredMessage) {

    public Item {
        options = Copies.list(options);
    }

    /** The limit that applies to one answer value: the item's own, or the kind's default. */
    public int effectiveMaxLength() {
        return maxLength != null ? maxLength : FieldLimits.maxLength(kind);
    }
}
