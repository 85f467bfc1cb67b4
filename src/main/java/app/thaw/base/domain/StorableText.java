package app.thaw.base.domain;

import org.jspecify.annotations.Nullable;

/**
 * Text PostgreSQL can keep exactly as typed. A NUL makes it refuse the row (a crash instead of a message)
 * and a broken surrogate half would silently become "?", so both are refused with words before saving.
 */
public final class StorableText {

    /** Shown beside the field, or returned by a service, when typed text holds such a character. */
    public static final String REFUSAL =
            "This contains a hidden character we can't store — please retype it rather than pasting it";

    private StorableText() {
    }

    /**
     * False for control characters other than tab and line breaks, and for broken (unpaired)
     * surrogates; emoji, right-to-left text, joiners and private-use characters are all fine.
     */
    public static boolean isStorable(@Nullable String s) {
        return s == null || s.codePoints().allMatch(cp -> cp == '\n' || cp == '\r' || cp == '\t'
                || (Character.getType(cp) != Character.CONTROL && Character.getType(cp) != Character.SURROGATE));
    }
}
