package app.thaw.base;

import org.jspecify.annotations.Nullable;

/** One CSV field as the practice's exports write it: always quoted, and never read as a spreadsheet formula. */
public final class CsvText {

    private CsvText() {
    }

    /** Doubles quotes and defuses spreadsheet formulas (a leading = + - @, tab or carriage return). */
    public static String quote(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
