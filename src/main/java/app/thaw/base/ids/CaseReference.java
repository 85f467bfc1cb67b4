package app.thaw.base.ids;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The reference a client quotes on the phone, THW- and six characters (no I, L, O or U to mistake for 1, 0 or V).
 * The one place its pattern lives.
 */
public record CaseReference(String value) {

    /** The characters of a reference after THW-. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final String PREFIX = "THW-";
    /** A reference exactly as stored. */
    public static final Pattern PATTERN = Pattern.compile("THW-[0-9A-HJKMNP-TV-Z]{6}");
    /** The most a reference field takes: THW-7K3M9Q with room for stray spaces, never a whole pasted email. */
    public static final int TYPED_MAX = 20;
    /** What someone may type for one: any case, the dash optional. */
    private static final Pattern TYPED = Pattern.compile("(?i)^THW-?([0-9A-HJKMNP-TV-Z]{6})$");

    public CaseReference {
        if (!PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("a case reference is THW- and six letters or digits");
        }
    }

    public static CaseReference of(String value) {
        return new CaseReference(value);
    }

    /** The reference a URL or a stored row names exactly; anything else is no reference (so: "not found"). */
    public static Optional<CaseReference> parse(@Nullable String text) {
        return text != null && PATTERN.matcher(text).matches() ? Optional.of(new CaseReference(text))
                : Optional.empty();
    }

    /** The reference someone typed (THW-ABC123, any case, the dash optional), if it is one. */
    public static Optional<CaseReference> typed(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        var typed = TYPED.matcher(text.strip());
        return typed.matches() ? Optional.of(new CaseReference(PREFIX + typed.group(1).toUpperCase(Locale.ROOT)))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
