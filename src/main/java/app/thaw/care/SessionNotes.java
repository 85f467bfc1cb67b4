package app.thaw.care;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.base.ids.AppointmentId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.domain.Erased;
import app.thaw.base.database.DatabaseRefusals;
import app.thaw.base.domain.StorableText;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.care.domain.SessionNote;
import app.thaw.care.domain.SessionNoteAddendum;
import app.thaw.care.domain.SessionNoteAddendumRepository;
import app.thaw.care.domain.SessionNoteRepository;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffUser;
import app.thaw.security.SystemActor;

/**
 * Therapists' notes of attended sessions. The session's therapist writes the note and may change it until they sign
 * it, for 24 hours at most; after that it is locked and anything more is a dated addendum. Readers are the therapists
 * the policy allows (never the practice manager); the diary passes in the session it checked.
 */
@Service
@Transactional
public class SessionNotes {

    private static final TypeReference<List<String>> SECTIONS = new TypeReference<>() {
    };

    private final SessionNoteRepository notes;
    private final SessionNoteAddendumRepository addenda;
    private final StaffAccountService staff;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final JsonMapper json;
    private final Clock clock;

    SessionNotes(SessionNoteRepository notes, SessionNoteAddendumRepository addenda, StaffAccountService staff,
                 CurrentUser currentUser, AuditLog auditLog, JsonMapper json, Clock clock) {
        this.notes = notes;
        this.addenda = addenda;
        this.staff = staff;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Writes or changes the note of an attended session (its own therapist only); {@code sign} locks it now.
     *
     * @param formVersion the {@link SessionNoteView#version()} the form was drawn from, null if there was no note yet;
     *                    a save from an older form is refused with {@link StaleSessionNote}
     */
    @RolesAllowed(Roles.THERAPIST)
    public SessionNoteView save(CaseGrant grant, AttendedSession session, NoteTemplate template, List<String> texts,
                                boolean sign, @Nullable Long formVersion) {
        grant.requireFor(CaseOperation.WRITE_SESSION_NOTE);
        StaffUser me = currentUser.require();
        if (!session.attended()) {
            throw new IllegalArgumentException("A note is written for a session the client attended.");
        }
        if (session.therapistId() != me.id()) {
            throw new IllegalArgumentException("The therapist who saw the client writes the session's note; you can "
                    + "add an addendum once it is signed.");
        }
        List<String> sections = checked(template, texts);
        Instant now = clock.instant();
        SessionNote note = notes.findByAppointmentId(session.appointmentId()).orElse(null);
        if (note == null) {
            try {
                note = notes.save(new SessionNote(session.appointmentId(), session.intakeId(),
                        session.partnerIntakeId(), me.id(), template, json.writeValueAsString(sections), now));
            } catch (DataIntegrityViolationException firstWritten) {
                // another tab wrote the session's first note a moment ago (one note per session)
                if (DatabaseRefusals.refusedWith(firstWritten, DatabaseRefusals.UNIQUE_VIOLATION,
                        "session_note_appointment_uk")) {
                    throw new StaleSessionNote(null);
                }
                throw firstWritten;
            }
            auditLog.record(AuditAction.SESSION_NOTE_WRITTEN, grant.intakeId(), grant.reference(), template.label()
                    + " note of the session of " + SessionDates.day(session.start()));
        } else {
            if (note.isLocked(now)) {
                throw new IllegalArgumentException("This note is signed and locked. Add an addendum instead.");
            }
            if (note.getAuthorId() != me.id()) {
                throw new IllegalArgumentException("Only the note's author can change it before it is signed.");
            }
            if (formVersion == null || formVersion != note.getVersion()) {
                throw new StaleSessionNote(note.getUpdatedAt());
            }
            note.edit(template, json.writeValueAsString(sections), now);
            auditLog.record(AuditAction.SESSION_NOTE_WRITTEN, grant.intakeId(), grant.reference(), "Changed the "
                    + "note of the session of " + SessionDates.day(session.start()));
        }
        if (sign) {
            note.sign(now);
            auditLog.record(AuditAction.SESSION_NOTE_SIGNED, grant.intakeId(), grant.reference(),
                    "Session of " + SessionDates.day(session.start()));
        }
        try {
            notes.flush();
        } catch (OptimisticLockingFailureException savedMeanwhile) {
            // another tab saved between our read and our write: the database's version check caught it
            throw new StaleSessionNote(null);
        }
        return view(note, now, names(Set.of(note.getAuthorId())));
    }

    /** Adds to a locked note: dated and signed, never changing what was written. */
    @RolesAllowed(Roles.THERAPIST)
    public SessionNoteView addAddendum(CaseGrant grant, AttendedSession session, String text) {
        grant.requireFor(CaseOperation.WRITE_SESSION_NOTE);
        String body = text == null ? "" : text.strip();
        if (!StorableText.isStorable(body)) {
            throw new IllegalArgumentException(StorableText.REFUSAL);
        }
        if (body.isEmpty() || body.length() > SessionNoteAddendum.BODY_MAX) {
            throw new IllegalArgumentException("An addendum needs some text, up to " + SessionNoteAddendum.BODY_MAX
                    + " characters.");
        }
        Instant now = clock.instant();
        SessionNote note = notes.findByAppointmentId(session.appointmentId())
                .orElseThrow(() -> new IllegalArgumentException("This session has no note yet."));
        if (!note.isLocked(now)) {
            throw new IllegalArgumentException("The note is not signed yet: its author can still change it.");
        }
        addenda.save(new SessionNoteAddendum(note.getId(), currentUser.require().id(), body, now));
        auditLog.record(AuditAction.SESSION_NOTE_ADDENDUM, grant.intakeId(), grant.reference(),
                "Session of " + SessionDates.day(session.start()));
        return view(note, now, null);
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM})
    public Optional<SessionNoteView> forSession(CaseGrant grant, AppointmentId appointmentId) {
        grant.requireFor(CaseOperation.READ_SESSION_NOTES, CaseOperation.WRITE_SESSION_NOTE);
        return notes.findByAppointmentId(appointmentId.value()).map(note -> view(note, clock.instant(), null));
    }

    /** Every note of the client's sessions (joint ones included), oldest first: part of the case history. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM})
    public List<SessionNoteView> forCase(CaseGrant grant) {
        grant.requireFor(CaseOperation.READ_SESSION_NOTES);
        return all(grant);
    }

    /** For the client's subject access export: downloaded by the practice manager, never shown on screen. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.ADMIN, Roles.THERAPIST})
    public List<SessionNoteView> forSubjectAccess(CaseGrant grant) {
        grant.requireFor(CaseOperation.MANAGE_PRIVACY, CaseOperation.REVIEW_DISCLOSURE);
        return all(grant);
    }

    private List<SessionNoteView> all(CaseGrant grant) {
        Instant now = clock.instant();
        List<SessionNote> found = notes.findForIntake(grant.intakeId());
        Set<Long> authors = new HashSet<>();
        found.forEach(n -> authors.add(n.getAuthorId()));
        Map<Long, String> names = names(authors);
        return found.stream().map(note -> view(note, now, names)).toList();
    }

    private List<String> checked(NoteTemplate template, List<String> texts) {
        List<String> sections = new ArrayList<>();
        for (int i = 0; i < template.headings().size(); i++) {
            String text = i < texts.size() && texts.get(i) != null ? texts.get(i).strip() : "";
            if (!StorableText.isStorable(text)) {
                throw new IllegalArgumentException(StorableText.REFUSAL);
            }
            if (text.length() > SessionNote.SECTION_MAX) {
                throw new IllegalArgumentException(template.headings().get(i) + ": please keep it under "
                        + SessionNote.SECTION_MAX + " characters.");
            }
            sections.add(text);
        }
        if (sections.stream().allMatch(String::isEmpty)) {
            throw new IllegalArgumentException("The note is empty: write something under at least one heading.");
        }
        return sections;
    }

    private SessionNoteView view(SessionNote note, Instant now, @Nullable Map<Long, String> knownNames) {
        List<SessionNoteAddendum> added = addenda.findByNoteIdOrderByIdAsc(note.getId());
        Set<Long> ids = new HashSet<>();
        ids.add(note.getAuthorId());
        added.forEach(a -> ids.add(a.getAuthorId()));
        Map<Long, String> names = knownNames != null && knownNames.keySet().containsAll(ids) ? knownNames : names(ids);
        List<String> texts = note.getBody() == null ? List.of() : json.readValue(note.getBody(), SECTIONS);
        List<SessionNoteView.Section> sections = new ArrayList<>();
        for (int i = 0; i < note.getTemplate().headings().size(); i++) {
            sections.add(new SessionNoteView.Section(note.getTemplate().headings().get(i),
                    note.getBody() == null ? Erased.MARKER : i < texts.size() ? texts.get(i) : ""));
        }
        return new SessionNoteView(note.getId(), note.getAppointmentId(), note.getTemplate(), sections,
                note.getAuthorId(), name(names, note.getAuthorId()), note.getCreatedAt(), note.getUpdatedAt(),
                note.getSignedAt(), note.lockedAt(), note.isLocked(now), note.getVersion(),
                added.stream().map(a -> new SessionNoteView.Addendum(name(names, a.getAuthorId()), a.getCreatedAt(),
                        Erased.orMarker(a.getBody()))).toList());
    }

    private Map<Long, String> names(Set<Long> ids) {
        return SystemActor.call(() -> staff.displayNames(ids));
    }

    private static String name(Map<Long, String> names, long id) {
        return names.getOrDefault(id, "Former staff member");
    }
}
