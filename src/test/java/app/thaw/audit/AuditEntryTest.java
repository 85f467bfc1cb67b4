package app.thaw.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditEntryTest {

    @Test
    void aStatusChangeReadsInWordsAndEveryOtherDetailAsStored() {
        assertThat(entry(AuditAction.STATUS_CHANGED, "NEW → IN_REVIEW").readableDetail())
                .isEqualTo("New → In review");
        assertThat(entry(AuditAction.STATUS_CHANGED, "AWAITING_PARTNER → IN_THERAPY").readableDetail())
                .isEqualTo("Awaiting partner → In therapy");
        assertThat(entry(AuditAction.STATUS_CHANGED, null).readableDetail()).isNull();
        // a detail that is not a status change keeps its capitals (a reference, an acronym)
        assertThat(entry(AuditAction.CASE_ASSIGNED, "Assigned to Dr Amira Khan, THW-ABC123 (GP letter)")
                .readableDetail()).isEqualTo("Assigned to Dr Amira Khan, THW-ABC123 (GP letter)");
    }

    private static AuditEntry entry(AuditAction action, String detail) {
        return new AuditEntry(1, Instant.parse("2026-12-06T10:00:00Z"), 2L, "Dr Amira Khan", action, 3L, "THW-ABC123",
                detail);
    }
}
