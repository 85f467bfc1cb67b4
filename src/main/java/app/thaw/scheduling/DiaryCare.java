package app.thaw.scheduling;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import app.thaw.base.ids.StaffId;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.care.AttendedSession;
import app.thaw.care.CareEvent;
import app.thaw.care.CareEventKind;
import app.thaw.care.CareRecords;
import app.thaw.review.CaseAssignments;
import app.thaw.scheduling.domain.Appointment;

/**
 * What the diary tells the rest of the practice about a case, inside the transaction that changed the session: a case
 * nobody holds goes to the therapist it was booked with, and every booking, cancellation and attendance is an event of
 * the course of care of each client in the session (both partners of a joint one), so their status follows.
 */
@Component
class DiaryCare {

    private final CaseAccess access;
    private final CaseAssignments assignments;
    private final CareRecords care;
    private final SessionTypes types;

    DiaryCare(CaseAccess access, CaseAssignments assignments, CareRecords care, SessionTypes types) {
        this.access = access;
        this.assignments = assignments;
        this.care = care;
        this.types = types;
    }

    void booked(List<CaseGrant> clients, Appointment appointment) {
        assignments.assignOnBooking(clients.getFirst(), StaffId.of(appointment.getTherapistId()));
        record(clients, appointment, CareEventKind.SESSION_BOOKED, appointment.getCreatedAt());
    }

    /** {@code grant} is the session's own client's, for the operation that changed it; the partner's is asked for. */
    void changed(CaseGrant grant, Appointment appointment, CareEventKind kind, java.time.Instant at) {
        record(clients(grant, appointment), appointment, kind, at);
    }

    /** The session as a note needs it, once the policy allowed its case. */
    static AttendedSession forNote(Appointment appointment) {
        return new AttendedSession(appointment.getId(), appointment.getIntakeId(), appointment.getPartnerIntakeId(),
                appointment.getTherapistId(), appointment.getStartsAt(),
                appointment.getState() == AppointmentState.ATTENDED);
    }

    private List<CaseGrant> clients(CaseGrant grant, Appointment appointment) {
        List<CaseGrant> clients = new ArrayList<>(List.of(grant));
        if (appointment.getPartnerIntakeId() != null) {
            access.check(appointment.getPartnerIntakeId(), grant.operation()).ifPresent(clients::add);
        }
        return clients;
    }

    private void record(List<CaseGrant> clients, Appointment appointment, CareEventKind kind, java.time.Instant at) {
        boolean treatment = types.of(appointment.getTypeId()).map(SessionTypes.SessionType::treatment).orElse(true);
        for (CaseGrant client : clients) {
            care.record(client, CareEvent.session(kind, appointment.getId(), treatment, at));
        }
    }
}
