package app.thaw.scheduling;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.KeptNoteTextId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.care.KeptNoteTexts;
import app.thaw.care.KeptNoteView;
import app.thaw.care.NoteTemplate;
import app.thaw.care.SessionNoteView;
import app.thaw.care.SessionNotes;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.security.Roles;

/**
 * The note of a session, from the diary: found by the session, checked against the policy (its own row: therapists
 * of the case only, never the practice manager), then written, signed or added to by the course of care's notes.
 */
@Service
@Transactional
public class SessionNoteService {

    /** Re-reading the same note within this time (after saving it, say) is one reading. */
    private static final java.time.Duration RE_READ_WINDOW = java.time.Duration.ofMinutes(10);

    private final AppointmentRepository appointments;
    private final CaseAccess access;
    private final SessionNotes notes;
    private final KeptNoteTexts kept;
    private final AuditLog auditLog;

    SessionNoteService(AppointmentRepository appointments, CaseAccess access, SessionNotes notes, KeptNoteTexts kept,
                       AuditLog auditLog) {
        this.appointments = appointments;
        this.access = access;
        this.notes = notes;
        this.kept = kept;
        this.auditLog = auditLog;
    }

    /** The session's note, if one was written; reading it is a read of clinical content, so it is audited. */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.READ_SESSION_NOTES)
    public Optional<SessionNoteView> note(AppointmentId appointmentId) {
        Appointment appointment = appointment(appointmentId.value());
        CaseGrant grant = grant(appointment, CaseOperation.READ_SESSION_NOTES);
        Optional<SessionNoteView> note = notes.forSession(grant, AppointmentId.of(appointmentId.value()));
        if (note.isPresent() && !auditLog.recordedRecently(AuditAction.SESSION_NOTE_READ, grant.intakeId(),
                RE_READ_WINDOW)) {
            auditLog.record(AuditAction.SESSION_NOTE_READ, grant.intakeId(), grant.reference(), null);
        }
        return note;
    }

    /**
     * Writes or changes the note (the session's own therapist, until signed or 24 hours old); {@code sign} locks it.
     * {@code formVersion} is the version of the note the form was drawn from (null: no note yet); a save from an
     * out-of-date form is refused with {@link app.thaw.care.StaleSessionNote} and changes nothing.
     */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.WRITE_SESSION_NOTE)
    public SessionNoteView saveNote(AppointmentId appointmentId, NoteTemplate template, List<String> sections,
            boolean sign, @Nullable Long formVersion) {
        Appointment appointment = appointment(appointmentId.value());
        return notes.save(grant(appointment, CaseOperation.WRITE_SESSION_NOTE), DiaryCare.forNote(appointment),
                template == null ? NoteTemplate.FREE : template, sections == null ? List.of() : sections, sign,
                formVersion);
    }

    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.WRITE_SESSION_NOTE)
    public SessionNoteView addAddendum(AppointmentId appointmentId, String text) {
        Appointment appointment = appointment(appointmentId.value());
        return notes.addAddendum(grant(appointment, CaseOperation.WRITE_SESSION_NOTE), DiaryCare.forNote(appointment),
                text);
    }

    /**
     * Keeps what the session's therapist had typed when an idle sign-out could not save it into the note (changed in
     * another tab meanwhile, or locked): apart from the note, for them to copy from or discard.
     */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.WRITE_SESSION_NOTE)
    public Optional<KeptNoteView> keepUnsaved(AppointmentId appointmentId, NoteTemplate template,
                                              List<String> sections) {
        Appointment appointment = appointment(appointmentId.value());
        return kept.keep(grant(appointment, CaseOperation.WRITE_SESSION_NOTE), DiaryCare.forNote(appointment),
                template == null ? NoteTemplate.FREE : template, sections == null ? List.of() : sections);
    }

    /** The signed-in therapist's own kept texts for the session, newest first. */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.WRITE_SESSION_NOTE)
    public List<KeptNoteView> keptTexts(AppointmentId appointmentId) {
        Appointment appointment = appointment(appointmentId.value());
        return kept.forSession(grant(appointment, CaseOperation.WRITE_SESSION_NOTE), DiaryCare.forNote(appointment));
    }

    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.WRITE_SESSION_NOTE)
    public void discardKept(AppointmentId appointmentId, KeptNoteTextId keptId) {
        Appointment appointment = appointment(appointmentId.value());
        kept.discard(grant(appointment, CaseOperation.WRITE_SESSION_NOTE), DiaryCare.forNote(appointment), keptId);
    }

    private Appointment appointment(long appointmentId) {
        return appointments.findById(appointmentId)
                .orElseThrow(() -> new IllegalArgumentException(BookingChecks.NO_SUCH_SESSION));
    }

    private CaseGrant grant(Appointment appointment, CaseOperation operation) {
        return access.check(appointment.getIntakeId(), operation)
                .orElseThrow(() -> new IllegalArgumentException(BookingChecks.NO_SUCH_SESSION));
    }
}
