package app.thaw.scheduling;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.scheduling.domain.AppointmentRequest;
import app.thaw.scheduling.domain.AppointmentRequestRepository;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;

/** Clients' requests to cancel or rearrange, as staff see and close them. */
@Service
@Transactional
public class ClientRequestService {

    private final AppointmentRequestRepository requests;
    private final AppointmentRepository appointments;
    private final SessionViews views;
    private final CurrentUser currentUser;
    private final Clock clock;

    ClientRequestService(AppointmentRequestRepository requests, AppointmentRepository appointments,
                         SessionViews views, CurrentUser currentUser, Clock clock) {
        this.requests = requests;
        this.appointments = appointments;
        this.views = views;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Open requests; a therapist sees those for their own sessions, a practice manager all. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<ClientChangeRequest> open() {
        var me = currentUser.require();
        return requests.findByHandledAtIsNullOrderByCreatedAtAsc().stream()
                .map(request -> appointments.findById(request.getAppointmentId())
                        .filter(a -> me.isAdmin() || a.getTherapistId() == me.id())
                        .map(a -> new ClientChangeRequest(request.getId(), views.of(a), request.isCancel(),
                                request.getMessage(), request.getCreatedAt())))
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public void markHandled(long requestId) {
        AppointmentRequest request = requests.findById(requestId).orElseThrow();
        request.handle(currentUser.require().id(), clock.instant());
    }
}
