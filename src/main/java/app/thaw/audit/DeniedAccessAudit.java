package app.thaw.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.thaw.caseaccess.CaseAccessDenied;

/** Every refusal of the case-access policy goes in the log: who asked, for which case, to do what. */
@Component
class DeniedAccessAudit {

    private final AuditLog auditLog;

    DeniedAccessAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    public void on(CaseAccessDenied denied) {
        auditLog.recordDeniedAccess(AuditAction.CASE_ACCESS_DENIED, denied.intakeId(), denied.reference(),
                denied.operation().resource() + ": " + denied.operation().action());
    }
}
