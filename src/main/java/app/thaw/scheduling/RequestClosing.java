package app.thaw.scheduling;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.scheduling.domain.AppointmentRequest;
import app.thaw.scheduling.domain.AppointmentRequestRepository;

/**
 * A client's request closes itself when the change it asked for is made: a move answers a request to rearrange, a
 * cancellation answers either kind. The client's status page then says what came of it.
 */
@Component
class RequestClosing {

    private final AppointmentRequestRepository requests;
    private final AuditLog auditLog;
    private final Clock clock;

    RequestClosing(AppointmentRequestRepository requests, AuditLog auditLog, Clock clock) {
        this.requests = requests;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    void moved(CaseGrant grant, long appointmentId, @Nullable Long staffId) {
        close(grant, appointmentId, staffId, false);
    }

    void cancelled(CaseGrant grant, long appointmentId, @Nullable Long staffId) {
        close(grant, appointmentId, staffId, true);
    }

    private void close(CaseGrant grant, long appointmentId, @Nullable Long staffId, boolean cancelled) {
        for (AppointmentRequest request : requests.findByAppointmentIdAndHandledAtIsNull(appointmentId)) {
            if (!cancelled && request.isCancel()) {
                // a request to cancel is not answered by a new time: it stays for staff to deal with
                continue;
            }
            request.resolve(staffId, clock.instant(), cancelled ? "CANCELLED" : "MOVED");
            auditLog.record(AuditAction.CLIENT_REQUEST_HANDLED, grant.intakeId(), grant.reference(),
                    (request.isCancel() ? "Request to cancel" : "Request to rearrange") + " closed itself: the session "
                            + (cancelled ? "was cancelled" : "was moved"));
        }
    }
}
