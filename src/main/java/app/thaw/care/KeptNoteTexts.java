package app.thaw.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.domain.StorableText;
import app.thaw.base.ids.KeptNoteTextId;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.care.KeptNoteView.Because;
import app.thaw.care.domain.KeptNoteText;
import app.thaw.care.domain.KeptNoteTextRepository;
import app.thaw.care.domain.SessionNoteRepository;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;

/**
 * What a therapist had typed into a session note when they were signed out for idleness, if the note could not take
 * it (saved from another tab meanwhile, or locked): kept apart for its author alone to copy from or discard, so no
 * typing is lost and the note itself is never overwritten. Kept for 30 days; the note and its addenda are the record.
 */
@Service
@Transactional
public class KeptNoteTexts {

    static final Duration KEPT_FOR = Duration.ofDays(30);

    private static final TypeReference<List<String>> SECTIONS = new TypeReference<>() {
    };

    private final KeptNoteTextRepository kept;
    private final SessionNoteRepository notes;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final JsonMapper json;
    private final Clock clock;

    KeptNoteTexts(KeptNoteTextRepository kept, SessionNoteRepository notes, CurrentUser currentUser,
                  AuditLog auditLog, JsonMapper json, Clock clock) {
        this.kept = kept;
        this.notes = notes;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps the session's own therapist's unsaved text; nothing is kept when every section is blank. */
    @RolesAllowed(Roles.THERAPIST)
    public Optional<KeptNoteView> keep(CaseGrant grant, AttendedSession session, NoteTemplate template,
                                       List<String> texts) {
        grant.requireFor(CaseOperation.WRITE_SESSION_NOTE);
        StaffUser me = currentUser.require();
        if (session.therapistId() != me.id()) {
            throw new IllegalArgumentException("The therapist who saw the client writes the session's note.");
        }
        List<String> sections = new ArrayList<>();
        for (int i = 0; i < template.headings().size(); i++) {
            sections.add(i < texts.size() && texts.get(i) != null ? storable(texts.get(i).strip()) : "");
        }
        if (sections.stream().allMatch(String::isEmpty)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Because because = notes.findByAppointmentId(session.appointmentId()).filter(note -> note.isLocked(now))
                .isPresent() ? Because.LOCKED : Because.CHANGED;
        KeptNoteText text = kept.save(new KeptNoteText(session.appointmentId(), session.intakeId(),
                session.partnerIntakeId(), me.id(), template, json.writeValueAsString(sections), because, now));
        auditLog.record(AuditAction.SESSION_NOTE_WRITTEN, grant.intakeId(), grant.reference(), "Kept unsaved text of "
                + "the note of the session of " + SessionDates.day(session.start()) + " at an idle sign-out");
        return Optional.of(view(text));
    }

    /** The signed-in therapist's own kept texts for the session, newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.THERAPIST)
    public List<KeptNoteView> forSession(CaseGrant grant, AttendedSession session) {
        grant.requireFor(CaseOperation.WRITE_SESSION_NOTE);
        return kept.findForAuthor(session.appointmentId(), currentUser.require().id()).stream().map(this::view)
                .toList();
    }

    /** Discards one of the signed-in therapist's own kept texts; another's, or one already gone, changes nothing. */
    @RolesAllowed(Roles.THERAPIST)
    public void discard(CaseGrant grant, AttendedSession session, KeptNoteTextId keptId) {
        grant.requireFor(CaseOperation.WRITE_SESSION_NOTE);
        if (kept.deleteForAuthor(keptId.value(), session.appointmentId(), currentUser.require().id()) > 0) {
            auditLog.record(AuditAction.SESSION_NOTE_WRITTEN, grant.intakeId(), grant.reference(), "Discarded kept "
                    + "text of the note of the session of " + SessionDates.day(session.start()));
        }
    }

    /** Removes kept texts past their 30 days. */
    @RolesAllowed(Roles.SYSTEM)
    public int expire() {
        return kept.deleteKeptBefore(clock.instant().minus(KEPT_FOR));
    }

    private KeptNoteView view(KeptNoteText text) {
        List<String> texts = json.readValue(text.getBody(), SECTIONS);
        List<SessionNoteView.Section> sections = new ArrayList<>();
        List<String> headings = text.getTemplate().headings();
        for (int i = 0; i < headings.size(); i++) {
            sections.add(new SessionNoteView.Section(headings.get(i), i < texts.size() ? texts.get(i) : ""));
        }
        return new KeptNoteView(KeptNoteTextId.of(text.getId()), text.getTemplate(), sections, text.getKeptAt(), text.getBecause());
    }

    /** A hidden character PostgreSQL cannot keep is dropped rather than losing the rest of the text. */
    private static String storable(String text) {
        if (StorableText.isStorable(text)) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        text.codePoints().filter(cp -> StorableText.isStorable(Character.toString(cp))).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
