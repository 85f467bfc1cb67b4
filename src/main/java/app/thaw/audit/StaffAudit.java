package app.thaw.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.thaw.security.StaffAccountChanged;

/**
 * Every change to a staff account goes into the audit log in the changing transaction: who did it (the
 * signed-in admin, or the person themselves), to whom, and what. Refusals are kept even though the change
 * rolled back.
 */
@Component
class StaffAudit {

    private final AuditLog auditLog;

    StaffAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void on(StaffAccountChanged changed) {
        String detail = changed.whom() + ": " + changed.detail();
        switch (changed.change()) {
            case PASSWORD_CHOSEN -> auditLog.recordBy(AuditAction.PASSWORD_CHOSEN, changed.staffId(),
                    changed.staffName(), changed.detail());
            case REFUSED -> auditLog.recordAttempt(AuditAction.STAFF_CHANGE_REFUSED, null, null, detail);
            case PASSWORD_CHANGED -> auditLog.record(AuditAction.PASSWORD_CHANGED, null, null, changed.detail());
            case INVITED -> auditLog.record(AuditAction.STAFF_INVITED, null, null, detail);
            case LINK_RENEWED -> auditLog.record(AuditAction.STAFF_LINK_RENEWED, null, null, detail);
            case ROLE_CHANGED -> auditLog.record(AuditAction.STAFF_ROLE_CHANGED, null, null, detail);
            case DEACTIVATED -> auditLog.record(AuditAction.STAFF_DEACTIVATED, null, null, detail);
            case REACTIVATED -> auditLog.record(AuditAction.STAFF_REACTIVATED, null, null, detail);
            case PASSWORD_RESET -> auditLog.record(AuditAction.STAFF_PASSWORD_RESET, null, null, detail);
            case DETAILS_CHANGED -> auditLog.record(AuditAction.STAFF_DETAILS_CHANGED, null, null, detail);
            case SIGN_IN_PAUSE_LIFTED -> auditLog.record(AuditAction.SIGN_IN_PAUSE_LIFTED, null, null, detail);
        }
    }
}
