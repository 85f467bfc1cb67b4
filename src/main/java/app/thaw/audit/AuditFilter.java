package app.thaw.audit;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** What the audit viewer narrows to; nulls mean "any". */
public record AuditFilter(@Nullable Long actorId, @Nullable String caseReference, @Nullable AuditAction action,
                          @Nullable LocalDate from, @Nullable LocalDate to) {

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null);
    }
}
