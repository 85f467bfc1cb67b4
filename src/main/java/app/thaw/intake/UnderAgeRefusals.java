package app.thaw.intake;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.domain.SecretToken;
import app.thaw.intake.domain.IntakeDraftRepository;
import app.thaw.security.SystemActor;

/**
 * Our service is for adults. A form whose date of birth makes the client younger than 18 is refused and deleted
 * at once: name, contact details and answers go with the draft row, so the resume link and cookie find nothing.
 * The audit log records only that a refusal happened: no name, no date, no address.
 */
@Component
class UnderAgeRefusals {

    private final IntakeDraftRepository drafts;
    private final AuditLog auditLog;

    UnderAgeRefusals(IntakeDraftRepository drafts, AuditLog auditLog) {
        this.drafts = drafts;
        this.auditLog = auditLog;
    }

    /** Runs in the caller's transaction; a form that was never saved has nothing to delete but is still counted. */
    void refuse(@Nullable String draftToken) {
        if (draftToken != null && SecretToken.isWellFormed(draftToken)) {
            drafts.deleteOpenByTokenHash(SecretToken.hash(draftToken));
        }
        SystemActor.run(() -> auditLog.record(AuditAction.INTAKE_REFUSED_UNDER_18, null, null, null));
    }
}
