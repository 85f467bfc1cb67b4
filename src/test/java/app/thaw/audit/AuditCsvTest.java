package app.thaw.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void fieldsAreQuotedAndSpreadsheetFormulasDefused() throws Exception {
        var out = new StringWriter();
        AuditCsv.write(out, new AuditEntry(7, Instant.parse("2026-07-01T09:30:00Z"), 2L, "Dr \"Amira\" Khan",
                AuditAction.CASE_OPENED, 3L, "THW-7K3M9Q", "=HYPERLINK(\"x\"), with a comma"));

        assertThat(out.toString()).isEqualTo("7,\"2026-07-01T10:30:00+01:00\",\"Dr \"\"Amira\"\" Khan\","
                + "\"CASE_OPENED\",\"THW-7K3M9Q\",\"'=HYPERLINK(\"\"x\"\"), with a comma\",\r\n");
    }

    @Test
    void everyOwaspTriggerIsDefusedAtTheStartAfterWhiteSpaceAndOnEveryLine() {
        for (String formula : java.util.List.of("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", "\n=1+1",
                " =1+1", "   @cmd", "\t\t+1", "\uFF1D1+1", "\uFF20SUM(A1)")) {
            assertThat(AuditCsv.quote(formula)).as(formula.replace("\t", "\\t").replace("\r", "\\r")
                    .replace("\n", "\\n")).startsWith("\"'");
        }
        assertThat(AuditCsv.quote("a note\n=HYPERLINK(\"http://x\")")).isEqualTo(
                "\"a note\n'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(AuditCsv.quote("line one\r\n  +cmd")).isEqualTo("\"line one\r\n'  +cmd\"");
        assertThat(AuditCsv.quote("Dr Khan, 09:30")).isEqualTo("\"Dr Khan, 09:30\"");
        assertThat(AuditCsv.quote("a-b=c")).isEqualTo("\"a-b=c\"");
    }

    @Test
    void missingValuesStayEmpty() {
        assertThat(AuditCsv.quote(null)).isEmpty();
        assertThat(AuditCsv.quote("-1")).isEqualTo("\"'-1\"");
    }
}
