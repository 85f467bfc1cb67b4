package app.thaw.scheduling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.StaffId;
import app.thaw.base.ids.RequestId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.scheduling.domain.AppointmentRequest;
import app.thaw.scheduling.domain.AppointmentRequestRepository;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;

/**
 * Clients' requests to cancel or rearrange, as staff see and close them. A therapist sees those for their own
 * sessions with the client's words; a practice manager sees every request's type and times, never the words.
 */
@Service
@Transactional
public class ClientRequestService {

    static final String NO_SUCH_REQUEST = "That request no longer exists.";

    private final AppointmentRequestRepository requests;
    private final AppointmentRepository appointments;
    private final SessionViews views;
    private final CaseAccess access;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final app.thaw.review.CaseAssignments assignments;
    private final Clock clock;

    ClientRequestService(AppointmentRequestRepository requests, AppointmentRepository appointments,
                         SessionViews views, CaseAccess access, AuditLog auditLog, CurrentUser currentUser,
                         app.thaw.review.CaseAssignments assignments, Clock clock) {
        this.assignments = assignments;
        this.requests = requests;
        this.appointments = appointments;
        this.views = views;
        this.access = access;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Open requests, oldest first: for a therapist, those about sessions in their diary or clients whose case they
     * hold, with the client's words; every one for a manager, without them.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<ClientChangeRequest> open() {
        StaffUser me = currentUser.require();
        java.util.Set<Long> held = me.isAdmin() ? java.util.Set.of() : assignments.heldBy(StaffId.of(me.id()));
        List<AppointmentRequest> waiting = requests.findByHandledAtIsNullOrderByCreatedAtAsc();
        // one read of the sessions and one of their names for the whole list, not one per request
        java.util.Map<Long, Appointment> sessions = new java.util.HashMap<>();
        appointments.findAllById(waiting.stream().map(AppointmentRequest::getAppointmentId).distinct().toList())
                .forEach(session -> sessions.put(session.getId(), session));
        List<AppointmentRequest> shown = new ArrayList<>();
        List<Appointment> theirSessions = new ArrayList<>();
        for (AppointmentRequest request : waiting) {
            Appointment session = sessions.get(request.getAppointmentId());
            if (session != null && (me.isAdmin() || session.getTherapistId() == me.id()
                    || held.contains(session.getIntakeId()))) {
                shown.add(request);
                theirSessions.add(session);
            }
        }
        List<SessionView> views = this.views.of(theirSessions);
        List<ClientChangeRequest> open = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            AppointmentRequest request = shown.get(i);
            boolean readable = !me.isAdmin() && access.check(theirSessions.get(i).getIntakeId(),
                    CaseOperation.READ_CLIENT_MESSAGE).isPresent();
            String message = readable ? request.getMessage() : null;
            open.add(new ClientChangeRequest(request.getId(), views.get(i), request.isCancel(), message,
                    !readable && request.getMessage() != null, request.getCreatedAt(), request.isLate()));
        }
        return open;
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.HANDLE_CLIENT_REQUEST)
    public void markHandled(RequestId requestId) {
        AppointmentRequest request = requests.findById(requestId.value())
                .orElseThrow(() -> new IllegalArgumentException(NO_SUCH_REQUEST));
        Appointment appointment = appointments.findById(request.getAppointmentId()).orElseThrow();
        Optional<CaseGrant> grant = access.check(appointment.getIntakeId(), CaseOperation.HANDLE_CLIENT_REQUEST);
        if (grant.isEmpty()) {
            throw new IllegalArgumentException(NO_SUCH_REQUEST);
        }
        if (request.isHandled()) {
            return;
        }
        request.handle(currentUser.require().id(), clock.instant());
        auditLog.record(AuditAction.CLIENT_REQUEST_HANDLED, appointment.getIntakeId(), grant.get().reference(),
                request.isCancel() ? "Request to cancel" : "Request to rearrange");
    }
}
