package app.thaw.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;

import app.thaw.Application;

import org.jspecify.annotations.Nullable;

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

    /** Doubles quotes and defuses spreadsheet formulas (the practice's one guard, shared with its reports). */
    static String quote(@Nullable String value) {
        return app.thaw.base.CsvText.quote(value);
    }
}
