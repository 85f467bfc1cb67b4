package app.thaw.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of the audit log; the detail never holds clinical content. */
public record AuditEntry(long id, Instant occurredAt, @Nullable Long actorId, String actorName, AuditAction action,
                         @Nullable Long intakeId, @Nullable String caseReference, @Nullable String detail) {
}
