package app.thaw.intake.questionnaire;

import java.text.Normalizer;

/**
 * Text as clients type and paste it. Stored NFC-normalised with control characters taken out (a pasted NUL or
 * terminal escape is noise, never meaning); every script, emoji, joiner and right-to-left mark stays. Explicit
 * direction overrides, embeddings and isolates go too: no keyboard types them, and one in a name made staff pages
 * show "Rhea idiB perry" for what was stored as "Rhea yrrep Bidi" (reversing even the text after the name), while
 * right-to-left names display rightly without them. An answer made only of whitespace and invisible characters
 * counts as no answer.
 */
public final class TypedText {

    private TypedText() {
    }

    /**
     * NFC, line breaks as {@code \n}, and no control characters other than tab and line feed; unpaired surrogate
     * halves (which no keyboard makes and PostgreSQL would turn into "?") and direction overrides are dropped too.
     */
    public static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return raw;
        }
        String unified = raw.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder kept = new StringBuilder(unified.length());
        for (int i = 0; i < unified.length(); ) {
            int cp = unified.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (cp == '\n' || cp == '\t'
                    || (type != Character.CONTROL && type != Character.SURROGATE && !directionOverride(cp))) {
                kept.appendCodePoint(cp);
            }
        }
        return Normalizer.normalize(kept, Normalizer.Form.NFC);
    }

    /** LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI; the marks LRM, RLM and ALM only nudge. */
    static boolean directionOverride(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** True when something a reader could see is left after removing whitespace and invisible characters. */
    public static boolean hasVisibleContent(String s) {
        return s != null && s.codePoints().anyMatch(cp -> !invisible(cp));
    }

    /** Whitespace, controls, format characters (zero-width space, joiners, direction marks) and blank fillers. */
    static boolean invisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
            return true;
        }
        // Unicode's other default-ignorable code points, and the braille blank, all of which render as nothing.
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F) || cp == 0x2800 || cp == 0x3164 || cp == 0xFFA0
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFFF0 && cp <= 0xFFF8)
                || (cp >= 0xE0000 && cp <= 0xE0FFF) || cp == 0x2065;
    }
}
