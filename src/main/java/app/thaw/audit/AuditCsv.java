package app.thaw.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;

import app.thaw.Application;

/** The audit log as CSV for the practice's records; quotes every field so commas and newlines stay inside. */
public final class AuditCsv {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .withZone(Application.PRACTICE_ZONE);

    private AuditCsv() {
    }

    public static void writeHeader(Writer out) throws IOException {
        out.write("id,occurred_at,actor,action,case_reference,detail,client_address\r\n");
    }

    public static void write(Writer out, AuditEntry entry) throws IOException {
        out.write(entry.id() + "," + quote(WHEN.format(entry.occurredAt())) + "," + quote(entry.actorName()) + ","
                + quote(entry.action().name()) + "," + quote(entry.caseReference()) + "," + quote(entry.detail())
                + "," + quote(entry.clientAddress()) + "\r\n");
    }

    /**
     * Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection): = + - @, and tab, carriage
     * return and line feed, which some spreadsheets skip before looking; full-width = + - @ too, which some read as
     * the plain ones.
     */
    private static final String TRIGGERS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

    /**
     * Quotes every field (doubling quotes, so commas and line breaks stay inside it) and defuses formulas by
     * OWASP's rule: a field whose first character, or first after leading white space, is a trigger gets a leading
     * apostrophe; so does every line inside a field that starts that way, since some spreadsheets split on them.
     */
    static String quote(String value) {
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
