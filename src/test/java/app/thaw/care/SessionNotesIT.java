package app.thaw.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.IntegrationTest;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.retention.ErasureResult;
import app.thaw.retention.ErasureService;
import app.thaw.review.CaseAssignments;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.ClientSessionRecords;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionNoteService;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;

/**
 * A session note: the session's therapist writes it once the client attended, may change it until signing, then only
 * adds to it; it is encrypted at rest, part of the case history and the subject access export, and never readable by
 * the practice manager or a colleague.
 */
@IntegrationTest
class SessionNotesIT {

    @Autowired
    IntakeService intake;

    @Autowired
    StaffAccountService staff;

    @Autowired
    StaffAdministration team;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    SessionChanges changes;

    @Autowired
    SessionNoteService notes;

    @Autowired
    CaseAssignments assignments;

    @Autowired
    CaseOpeningService caseOpening;

    @Autowired
    ClientSessionRecords sessionRecords;

    @Autowired
    CaseAccess access;

    @Autowired
    ErasureService erasure;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTherapistWritesSignsAndAddsToTheNoteWhichNobodyElseReads() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        var client = data.submit(IntakeFixtures.completeAnswers("Noor " + ReviewTestData.uniqueWord()));
        data.as("amira", () -> assignments.assignToMe(IntakeId.of(client.id())));
        long session = week.book(week.online(client.id(), data.idOf("amira"),
                WorkingWeekData.at(WorkingWeekData.farMonday(), 10, 0))).id();

        // before the client attended there is nothing to write
        assertThatThrownBy(() -> data.as("amira", () -> notes.saveNote(AppointmentId.of(session), NoteTemplate.FREE,
                List.of("Too early"), false, null))).hasMessageContaining("attended");
        week.happened(session, WorkingWeekData.longAgo());
        data.as("amira", () -> changes.recordOutcome(AppointmentId.of(session), AppointmentState.ATTENDED));

        String secret = "Talked about the funeral " + ReviewTestData.uniqueWord();
        SessionNoteView draft = data.as("amira", () -> notes.saveNote(AppointmentId.of(session), NoteTemplate.SOAP,
                List.of(secret, "Tearful at times", "Grief, numbness easing", "Fortnightly"), false, null));
        assertThat(draft.locked()).isFalse();
        assertThat(draft.sections()).extracting(SessionNoteView.Section::heading)
                .containsExactly("Subjective", "Objective", "Assessment", "Plan");
        String stored = jdbc.queryForObject("select body from session_note where appointment_id = ?", String.class,
                session);
        assertThat(stored).startsWith("enc:v1:").doesNotContain("funeral");

        SessionNoteView signed = data.as("amira", () -> notes.saveNote(AppointmentId.of(session), NoteTemplate.SOAP,
                List.of(secret, "Tearful at times", "Grief, numbness easing", "Weekly for now"), true,
                draft.version()));
        assertThat(signed.locked()).isTrue();
        assertThat(signed.signedAt()).isNotNull();
        assertThatThrownBy(() -> data.as("amira", () -> notes.saveNote(AppointmentId.of(session), NoteTemplate.SOAP,
                List.of("Changed my mind"), false, signed.version()))).hasMessageContaining("locked");
        assertThatThrownBy(() -> jdbc.update("update session_note set template = 'FREE' where appointment_id = ?",
                session)).as("the database holds the lock too").isInstanceOf(DataAccessException.class);
        SessionNoteView added = data.as("amira", () -> notes.addAddendum(AppointmentId.of(session),
                "Client phoned: feeling better."));
        assertThat(added.addenda()).singleElement().satisfies(addendum -> {
            assertThat(addendum.text()).isEqualTo("Client phoned: feeling better.");
            assertThat(addendum.author()).isEqualTo("Dr Amira Khan");
        });

        // the case history shows it to the case's therapist
        var detail = data.as("amira", () -> caseOpening.openCase(CaseReference.of(client.reference()))).orElseThrow();
        assertThat(detail.sessionNotes()).singleElement()
                .satisfies(note -> assertThat(note.sections().getFirst().text()).isEqualTo(secret));
        // never to the practice manager, nor to a colleague (refused and audited like a case they may not see)
        assertThatThrownBy(() -> data.as("admin",
                () -> notes.note(AppointmentId.of(session)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> data.as("tom", () -> notes.note(AppointmentId.of(session))))
                .hasMessage("That session no longer exists.");
        assertThat(data.auditActions(client.id())).contains("SESSION_NOTE_WRITTEN", "SESSION_NOTE_SIGNED",
                "SESSION_NOTE_ADDENDUM", "CASE_ACCESS_DENIED");
        assertThat(data.audit(client.id())).allSatisfy(row -> assertThat(String.valueOf(row.get("detail")))
                .doesNotContain("funeral"));

        // in the client's subject access export, which the practice manager downloads without reading on screen
        var records = data.as("admin", () -> sessionRecords.forSubjectAccess(access.require(client.id(),
                CaseOperation.MANAGE_PRIVACY)));
        assertThat(records).filteredOn(r -> r.session().id() == session).singleElement()
                .satisfies(r -> assertThat(r.sessionNote()).contains(secret).contains("Addendum by Dr Amira Khan"));
    }

    @Test
    void aSaveOrSignatureFromAFormDrawnBeforeTheLatestSaveIsRefusedAndChangesNothing() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        var client = data.submit(IntakeFixtures.completeAnswers("Ines " + ReviewTestData.uniqueWord()));
        data.as("amira", () -> assignments.assignToMe(IntakeId.of(client.id())));
        long session = week.book(week.online(client.id(), data.idOf("amira"),
                WorkingWeekData.at(WorkingWeekData.farMonday(), 14, 0))).id();
        week.happened(session, WorkingWeekData.longAgo());
        data.as("amira", () -> changes.recordOutcome(AppointmentId.of(session), AppointmentState.ATTENDED));
        AppointmentId id = AppointmentId.of(session);

        SessionNoteView first = data.as("amira", () -> notes.saveNote(id, NoteTemplate.FREE, List.of("First tab"),
                false, null));
        // a second form drawn before there was a note, then one drawn before the latest save
        assertThatThrownBy(() -> data.as("amira", () -> notes.saveNote(id, NoteTemplate.FREE,
                List.of("Second tab"), false, null))).isInstanceOf(StaleSessionNote.class)
                .hasMessageStartingWith("This note was changed in another tab or by someone else at ");
        SessionNoteView second = data.as("amira", () -> notes.saveNote(id, NoteTemplate.FREE,
                List.of("First tab, more"), false, first.version()));
        assertThat(second.version()).isGreaterThan(first.version());
        assertThatThrownBy(() -> data.as("amira", () -> notes.saveNote(id, NoteTemplate.FREE,
                List.of("First tab"), true, first.version()))).isInstanceOf(StaleSessionNote.class);

        SessionNoteView stored = data.as("amira", () -> notes.note(id)).orElseThrow();
        assertThat(stored.sections()).extracting(SessionNoteView.Section::text).containsExactly("First tab, more");
        assertThat(stored.signedAt()).isNull();
        assertThat(stored.version()).isEqualTo(second.version());
    }

    @Test
    void textKeptAtAnIdleSignOutIsEncryptedItsAuthorsAloneAndErasedWithTheClient() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        var client = data.submit(IntakeFixtures.completeAnswers("Ines " + ReviewTestData.uniqueWord()));
        data.as("amira", () -> assignments.assignToMe(IntakeId.of(client.id())));
        long session = week.book(week.online(client.id(), data.idOf("grace"),
                WorkingWeekData.at(WorkingWeekData.farMonday(), 12, 0))).id();
        week.happened(session, WorkingWeekData.longAgo());
        data.as("grace", () -> changes.recordOutcome(AppointmentId.of(session), AppointmentState.ATTENDED));
        var id = AppointmentId.of(session);
        data.as("grace", () -> notes.saveNote(id, NoteTemplate.FREE, List.of("Saved in the first tab"), false, null));

        String secret = "Spoke of the miscarriage " + ReviewTestData.uniqueWord();
        assertThat(data.as("grace", () -> notes.keepUnsaved(id, NoteTemplate.FREE, List.of(secret)))).isPresent();
        assertThat(jdbc.queryForObject("select body from session_note_kept_text where appointment_id = ?",
                String.class, session)).startsWith("enc:v1:").doesNotContain("miscarriage");
        assertThat(data.as("grace", () -> notes.keepUnsaved(id, NoteTemplate.FREE, List.of("  ", "")))).isEmpty();
        var kept = data.as("grace", () -> notes.keptTexts(id));
        assertThat(kept).singleElement().satisfies(k -> assertThat(k.sections().getFirst().text()).isEqualTo(secret));

        // the case's own therapist reads the note but never grace's kept text, nor discards it; the manager never reads
        assertThat(data.as("amira", () -> notes.keptTexts(id))).isEmpty();
        data.as("amira", () -> notes.discardKept(id, kept.getFirst().id()));
        assertThat(data.as("grace", () -> notes.keptTexts(id))).hasSize(1);
        assertThatThrownBy(() -> data.as("amira", () -> notes.keepUnsaved(id, NoteTemplate.FREE, List.of("Mine?"))))
                .hasMessageContaining("therapist who saw the client");
        assertThatThrownBy(() -> data.as("admin", () -> notes.keptTexts(id))).isInstanceOf(AccessDeniedException.class);

        assertThat(data.as("admin", () -> erasure.erase(CaseReference.of(client.reference()), "Their request")
                .outcome())).isEqualTo(ErasureResult.Outcome.ERASED);
        assertThat(jdbc.queryForObject("select count(*) from session_note_kept_text where appointment_id = ?",
                Integer.class, session)).isZero();
    }

    @Test
    void onlyTheSessionsOwnTherapistWritesTheNote() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        var client = data.submit(IntakeFixtures.completeAnswers("Ari " + ReviewTestData.uniqueWord()));
        data.as("amira", () -> assignments.assignToMe(IntakeId.of(client.id())));
        long session = week.book(week.online(client.id(), data.idOf("grace"),
                WorkingWeekData.at(WorkingWeekData.farMonday(), 11, 0))).id();
        week.happened(session, WorkingWeekData.longAgo());
        data.as("grace", () -> changes.recordOutcome(AppointmentId.of(session), AppointmentState.ATTENDED));
        assertThatThrownBy(() -> data.as("amira", () -> notes.saveNote(AppointmentId.of(session), NoteTemplate.FREE,
                List.of("Not mine to write"), false, null))).hasMessageContaining("therapist who saw the client");
        data.as("grace", () -> notes.saveNote(AppointmentId.of(session), NoteTemplate.DAP, List.of("Data", "",
                "Plan"), false, null));
        assertThat(data.as("amira", () -> notes.note(AppointmentId.of(session)))).isPresent()
                .hasValueSatisfying(note -> assertThat(note.author()).isEqualTo("Grace Okafor"));
        assertThatThrownBy(() -> data.as("grace", () -> notes.saveNote(AppointmentId.of(session), NoteTemplate.FREE,
                List.of("   "), false, 0L))).hasMessageContaining("empty");
    }
}
