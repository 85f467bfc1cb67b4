package app.thaw.audit;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** One line of the audit log; the detail never holds clinical content. The address is where the request came from. */
public record AuditEntry(long id, Instant occurredAt, @Nullable Long actorId, String actorName, AuditAction action,
                         @Nullable Long intakeId, @Nullable String caseReference, @Nullable String detail,
                         @Nullable String clientAddress) {

    /** A status as stored ("IN_REVIEW"): the CSV export keeps it so; a person reads it in words. */
    private static final Pattern STATUS_NAME = Pattern.compile("\\b[A-Z]+(?:_[A-Z]+)*\\b");

    public AuditEntry(long id, Instant occurredAt, @Nullable Long actorId, String actorName, AuditAction action,
                      @Nullable Long intakeId, @Nullable String caseReference, @Nullable String detail) {
        this(id, occurredAt, actorId, actorName, action, intakeId, caseReference, detail, null);
    }

    /** The detail as staff read it on screen: a status change's "IN_REVIEW → REFERRED" as "In review → Referred". */
    public @Nullable String readableDetail() {
        if (action != AuditAction.STATUS_CHANGED || detail == null) {
            return detail;
        }
        return STATUS_NAME.matcher(detail).replaceAll(name -> {
            String words = name.group().replace('_', ' ').toLowerCase(Locale.UK);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        });
    }
}
