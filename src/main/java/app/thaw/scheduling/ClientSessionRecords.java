package app.thaw.scheduling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.care.SessionNoteView;
import app.thaw.care.SessionNotes;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.scheduling.domain.AppointmentRequestRepository;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;
import app.thaw.Application;
import app.thaw.scheduling.domain.AppointmentTypeRepository;
import app.thaw.scheduling.domain.RoomRepository;

/** Every session a client was booked into, cancelled ones included, for their subject access request. */
@Service
@Transactional(readOnly = true)
public class ClientSessionRecords {

    private final AppointmentRepository appointments;
    private final AppointmentRequestRepository requests;
    private final SessionViews views;
    private final SessionNotes notes;

    private final RoomRepository rooms;
    private final AppointmentTypeRepository types;
    private final StaffAccountService staff;

    ClientSessionRecords(AppointmentRepository appointments, AppointmentRequestRepository requests,
                         SessionViews views, SessionNotes notes, RoomRepository rooms,
                         AppointmentTypeRepository types, StaffAccountService staff) {
        this.notes = notes;
        this.appointments = appointments;
        this.requests = requests;
        this.views = views;
        this.rooms = rooms;
        this.types = types;
        this.staff = staff;
    }

    /**
     * Every session of the client, oldest first, for another clinical system or a transfer-of-care export: no client
     * names are read (not even the partner's of a joint session), only the therapists', rooms and session types.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM, Roles.API_CLIENT})
    public List<CaseSession> sessionsOf(CaseGrant grant) {
        grant.requireFor(CaseOperation.READ_CLINICAL, CaseOperation.READ_BOOKING_DETAILS, CaseOperation.READ_VIA_API);
        List<Appointment> theirs = appointments.findForIntake(grant.intakeId());
        if (theirs.isEmpty()) {
            return List.of();
        }
        var therapistIds = theirs.stream().map(Appointment::getTherapistId).collect(java.util.stream.Collectors.toSet());
        java.util.Map<Long, String> therapists = SystemActor.call(() -> staff.displayNames(therapistIds));
        java.util.Map<Long, String> roomNames = new java.util.HashMap<>();
        rooms.idsAndNames().forEach(room -> roomNames.put((Long) room[0], (String) room[1]));
        java.util.Map<Long, String> typeLabels = new java.util.HashMap<>();
        types.idsAndLabels().forEach(type -> typeLabels.put((Long) type[0], (String) type[1]));
        return theirs.stream().map(a -> new CaseSession(a.getId(), a.getStartsAt().atZone(Application.PRACTICE_ZONE),
                a.getEndsAt().atZone(Application.PRACTICE_ZONE), a.getState(),
                typeLabels.getOrDefault(a.getTypeId(), "Session"), a.getFormat(),
                a.getRoomId() == null ? null : roomNames.get(a.getRoomId()),
                therapists.getOrDefault(a.getTherapistId(), "Former staff member"), a.getPartnerIntakeId() != null,
                a.getCreatedAt(), a.getCancelledAt(), a.getCancelledByClient())).toList();
    }

    /** A session note as plain text for the export: headings, what was written, and each addendum. */
    static String text(SessionNoteView note) {
        var text = new StringBuilder(note.template().label() + " note by " + note.author());
        note.sections().forEach(section -> text.append("\n").append(section.heading()).append(": ")
                .append(section.text()));
        note.addenda().forEach(addendum -> text.append("\nAddendum by ").append(addendum.author()).append(": ")
                .append(addendum.text()));
        return text.toString();
    }

    /** Sessions where the client is either partner, oldest first. */
    @RolesAllowed({Roles.ADMIN, Roles.THERAPIST})
    public List<ClientSessionRecord> forSubjectAccess(CaseGrant grant) {
        grant.requireFor(CaseOperation.MANAGE_PRIVACY, CaseOperation.REVIEW_DISCLOSURE);
        List<Appointment> theirs = appointments.findForIntake(grant.intakeId());
        List<SessionView> sessions = views.of(theirs);
        Map<Long, String> written = new HashMap<>();
        notes.forSubjectAccess(grant).forEach(note -> written.put(note.appointmentId(), text(note)));
        return java.util.stream.IntStream.range(0, theirs.size()).mapToObj(i -> {
            Appointment a = theirs.get(i);
            var asked = requests.findByAppointmentIdOrderByCreatedAtDesc(a.getId()).reversed().stream()
                    .map(r -> new ClientSessionRecord.ChangeRequest(r.isCancel(), r.getMessage(), r.getCreatedAt(),
                            r.isHandled()))
                    .toList();
            return new ClientSessionRecord(sessions.get(i), a.getCreatedAt(), a.getCancelledAt(),
                    a.getCancelledByClient(), a.getCancelReason(), asked, written.get(a.getId()));
        }).toList();
    }
}
