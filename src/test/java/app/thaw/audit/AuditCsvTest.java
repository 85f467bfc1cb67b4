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
                + "\"CASE_OPENED\",\"THW-7K3M9Q\",\"'=HYPERLINK(\"\"x\"\"), with a comma\"\r\n");
    }

    @Test
    void missingValuesStayEmpty() {
        assertThat(AuditCsv.quote(null)).isEmpty();
        assertThat(AuditCsv.quote("-1")).isEqualTo("\"'-1\"");
    }
}
