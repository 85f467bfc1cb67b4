package app.thaw.notification;


import biweekly.Biweekly;
import biweekly.ICalendar;

/**
 * iCalendar text folded as RFC 5545 3.1 asks: lines of at most 75 octets (not characters: a name with accents is
 * longer in UTF-8), continued on a line that starts with a space, never splitting a character, ended by CRLF.
 */
final class IcsFolding {

    static final int MAX_OCTETS = 75;

    private IcsFolding() {
    }

    static String write(ICalendar ical) {
        return fold(Biweekly.write(ical).foldLines(false).go());
    }

    /** Unfolds whatever folding the text had, then folds each content line again by octets. */
    static String fold(String text) {
        String unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
        var out = new StringBuilder(unfolded.length() + unfolded.length() / 50);
        for (String line : unfolded.split("\r\n")) {
            if (!line.isEmpty()) {
                foldLine(out, line);
            }
        }
        return out.toString();
    }

    /** Appends one content line, folded at 75 octets and ended by CRLF. */
    static void foldLine(StringBuilder out, String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = utf8Octets(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }

    /** The octets UTF-8 gives one character (every confirmation folds its calendar file character by character). */
    static int utf8Octets(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
