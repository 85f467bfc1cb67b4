package app.thaw.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of the audit log; the detail never holds clinical content. The address is where the request came from. */
public record AuditEntry(long id, Instant occurredAt, @Nullable Long actorId, String actorName, AuditAction action,
                         @Nullable Long intakeId, @Nullable String caseReference, @Nullable String detail,
                         @Nullable String clientAddress) {

    public AuditEntry(long id, Instant occurredAt, @Nullable Long actorId, String actorName, AuditAction action,
                      @Nullable Long intakeId, @Nullable String caseReference, @Nullable String detail) {
        this(id, occurredAt, actorId, actorName, action, intakeId, caseReference, detail, null);
    }
}
