package app.thaw.scheduling;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.care.CaseStatusChanged;
import app.thaw.intake.IntakeStatus;
import app.thaw.scheduling.domain.AppointmentRequest;
import app.thaw.scheduling.domain.AppointmentRequestRepository;
import app.thaw.security.CurrentUser;
import app.thaw.security.StaffUser;

/**
 * A case that closes leaves nothing in the practice's request list: a client's request still waiting (about a session
 * that went by without its outcome recorded, as closing waits only for sessions to come) closes with it, in the
 * closing's transaction, by whoever closed the case. The audit says which kind, never the client's words.
 */
@Component
class ClosedCaseRequests {

    private final AppointmentRequestRepository requests;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final Clock clock;

    ClosedCaseRequests(AppointmentRequestRepository requests, AuditLog auditLog, CurrentUser currentUser,
                       Clock clock) {
        this.requests = requests;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @EventListener
    void on(CaseStatusChanged changed) {
        if (changed.to() != IntakeStatus.CLOSED) {
            return;
        }
        Long by = currentUser.get().map(StaffUser::id).orElse(null);
        for (AppointmentRequest request : requests.findOpenForIntake(changed.intakeId())) {
            request.resolve(by, clock.instant(), "HANDLED");
            auditLog.record(AuditAction.CLIENT_REQUEST_HANDLED, changed.intakeId(), changed.reference(),
                    (request.isCancel() ? "Request to cancel" : "Request to rearrange") + " closed with the case");
        }
    }
}
