package app.thaw.base;

import org.jspecify.annotations.Nullable;

/** One CSV field as the practice's exports write it: always quoted, and never read as a spreadsheet formula. */
public final class CsvText {

    /**
     * Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection): = + - @, and tab, carriage
     * return and line feed, which some spreadsheets skip before looking; full-width = + - @ too, which some read as
     * the plain ones.
     */
    private static final String TRIGGERS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

    private CsvText() {
    }

    /**
     * Quotes every field (doubling quotes, so commas and line breaks stay inside it) and defuses formulas by
     * OWASP's rule: a field whose first character, or first after leading white space, is a trigger gets a leading
     * apostrophe; so does every line inside a field that starts that way, since some spreadsheets split on them.
     */
    public static String quote(@Nullable String value) {
        if (value == null) {
            return "";
        }
        var safe = new StringBuilder(value.length() + 4);
        int lineStart = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == '\n' || value.charAt(i) == '\r') {
                String line = value.substring(lineStart, i);
                if (lineStart == 0 ? startsDangerously(value) : startsDangerously(line)) {
                    safe.append('\'');
                }
                safe.append(line);
                if (i < value.length()) {
                    safe.append(value.charAt(i));
                }
                lineStart = i + 1;
            }
        }
        return "\"" + safe.toString().replace("\"", "\"\"") + "\"";
    }

    private static boolean startsDangerously(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (TRIGGERS.indexOf(text.charAt(0)) >= 0) {
            return true;
        }
        String stripped = text.stripLeading();
        return !stripped.isEmpty() && TRIGGERS.indexOf(stripped.charAt(0)) >= 0;
    }
}
