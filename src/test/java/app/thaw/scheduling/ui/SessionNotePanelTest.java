package app.thaw.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ui.SessionEnding;
import app.thaw.care.KeptNoteView;
import app.thaw.care.SessionNoteView;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.BookingCases;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.FreeSlotService;
import app.thaw.scheduling.LeaveService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.SessionNoteService;
import app.thaw.scheduling.SessionView;
import app.thaw.security.CurrentUser;

/**
 * One session note open in two tabs: the first save wins; a save or a signature from the other, out-of-date form is
 * refused with the reason and keeps what was typed there, and an idle sign-out never overwrites the newer note.
 */
class SessionNotePanelTest extends DiaryViewTest {

    @Autowired
    SessionChanges changes;

    @Autowired
    LeaveService leave;

    @Autowired
    FreeSlotService freeSlots;

    @Autowired
    BookingCases cases;

    @Autowired
    SessionNoteService notes;

    @Autowired
    CurrentUser currentUser;

    @Test
    @WithUserDetails("amira")
    void aSaveFromAnOutOfDateTabIsRefusedAndKeepsItsText() throws ReflectiveOperationException {
        SessionView session = attendedSession(3);
        var tabA = open(session);
        var tabB = open(session);

        type(tabA, "Tab A: talked about the move.");
        test(button(tabA, "Save draft")).click();
        assertThat(problem(tabA)).isEmpty();

        type(tabB, "Tab B: plan weekly.");
        test(button(tabB, "Save draft")).click();
        assertThat(problem(tabB)).startsWith("This note was changed in another tab or by someone else at ")
                .endsWith(". Your text is still here: copy it, then reload to see the latest version.");
        assertThat(area(tabB).getValue()).isEqualTo("Tab B: plan weekly.");
        assertThat(stored(session)).containsExactly("Tab A: talked about the move.");

        test(button(tabB, "Save and sign")).click();
        assertThat(problem(tabB)).startsWith("This note was changed in another tab");
        assertThat(area(tabB).getValue()).isEqualTo("Tab B: plan weekly.");
        SessionNoteView note = notes.note(AppointmentId.of(session.id())).orElseThrow();
        assertThat(note.signedAt()).as("not signed from the stale form").isNull();

        // signed out for idleness with both tabs open: tab A has nothing new, tab B's older form overwrites nothing
        signOutForIdleness();
        assertThat(stored(session)).containsExactly("Tab A: talked about the move.");
        assertThat(notes.note(AppointmentId.of(session.id())).orElseThrow().version()).isEqualTo(note.version());

        // what tab B had typed is kept apart for Amira, shown above the note the next time she opens it
        List<KeptNoteView> kept = notes.keptTexts(AppointmentId.of(session.id()));
        assertThat(kept).singleElement().satisfies(k -> {
            assertThat(k.because()).isEqualTo(KeptNoteView.Because.CHANGED);
            assertThat(k.sections()).extracting(SessionNoteView.Section::text).containsExactly("Tab B: plan weekly.");
        });
        var reopened = open(session);
        var block = find(KeptTextBlock.class, reopened).single();
        assertThat(find(Paragraph.class, block).all()).extracting(Paragraph::getText)
                .anySatisfy(text -> assertThat(text).contains("saved from another tab or window")
                        .contains("Copy what you need into the note"))
                .contains("Tab B: plan weekly.");
        assertThat(stored(session)).as("the note itself is untouched").containsExactly("Tab A: talked about the move.");

        // tab A, drawn again after its save, is up to date: it still saves and signs
        type(tabA, "Tab A: talked about the move. Plan weekly.");
        test(button(tabA, "Save and sign")).click();
        assertThat(stored(session)).containsExactly("Tab A: talked about the move. Plan weekly.");
        assertThat(notes.note(AppointmentId.of(session.id())).orElseThrow().locked()).isTrue();

        // discarding takes a second click, and then the kept text is gone
        var again = open(session);
        var shown = find(KeptTextBlock.class, again).single();
        test(find(Button.class, shown).withText("Discard…").single()).click();
        test(find(Button.class, shown).withText("Keep it").single()).click();
        assertThat(notes.keptTexts(AppointmentId.of(session.id()))).hasSize(1);
        test(find(Button.class, shown).withText("Discard…").single()).click();
        test(find(Button.class, shown).withText("Yes, discard it").single()).click();
        assertThat(notes.keptTexts(AppointmentId.of(session.id()))).isEmpty();
        assertThat(find(KeptTextBlock.class, again).all()).isEmpty();
    }

    @Test
    @WithUserDetails("amira")
    void whatWasTypedWhenTheNoteLockedInAnotherTabIsKeptForAnAddendum() throws ReflectiveOperationException {
        SessionView session = attendedSession(7);
        var tabA = open(session);
        var tabB = open(session);
        type(tabA, "Signed in tab A.");
        test(button(tabA, "Save and sign")).click();
        type(tabB, "Risk: none disclosed; " + (char) 0 + "review in two weeks.");

        signOutForIdleness();

        assertThat(notes.keptTexts(AppointmentId.of(session.id()))).singleElement().satisfies(k -> {
            assertThat(k.because()).isEqualTo(KeptNoteView.Because.LOCKED);
            assertThat(k.sections()).extracting(SessionNoteView.Section::text)
                    .as("a hidden character is dropped, never the text").containsExactly(
                            "Risk: none disclosed; review in two weeks.");
        });
        var reopened = open(session);
        assertThat(find(Paragraph.class, find(KeptTextBlock.class, reopened).single()).all())
                .extracting(Paragraph::getText)
                .anySatisfy(text -> assertThat(text).contains("signed or locked").contains("into an addendum"));
        assertThat(stored(session)).containsExactly("Signed in tab A.");
    }

    @Test
    @WithUserDetails("amira")
    void anIdleSignOutWithNothingNewKeepsNothing() throws ReflectiveOperationException {
        SessionView session = attendedSession(9);
        open(session);
        signOutForIdleness();
        assertThat(notes.keptTexts(AppointmentId.of(session.id()))).isEmpty();
        assertThat(notes.note(AppointmentId.of(session.id()))).isEmpty();
    }

    private static void signOutForIdleness() throws ReflectiveOperationException {
        var ending = SessionEnding.class.getDeclaredConstructor(UI.class);
        ending.setAccessible(true);
        ComponentUtil.fireEvent(UI.getCurrent(), ending.newInstance(UI.getCurrent()));
    }

    @Test
    @WithUserDetails("amira")
    void theButtonThatSignsStandsApartFromTheDraftOne() {
        var panel = open(attendedSession(5));
        var actions = find(Div.class, panel).withClassName("session-note-actions").single();
        assertThat(find(Button.class, actions).all()).extracting(Button::getText)
                .containsExactly("Save draft", "Save and sign");
    }

    /** Amira's session that ended a while ago, each test at its own hour so they never overlap in her diary. */
    private SessionView attendedSession(int hoursAgo) {
        var client = data.individual();
        BookingResult booked = null;
        // a random future Monday: another test may have left Amira a session at that hour, so try another week
        for (int tries = 0; tries < 5 && !(booked instanceof BookingResult.Booked); tries++) {
            LocalDateTime start = DiaryTestData.futureMonday(clock, 2).atTime(9, 0);
            booked = scheduling.book(new BookingRequest(client.id(), null, data.idOf("amira"), setup.types()
                    .stream().filter(t -> t.code().equals("INDIVIDUAL")).findFirst().orElseThrow().id(),
                    SessionFormat.ONLINE, null, DiaryTestData.uk(start), null));
        }
        assertThat(booked).isInstanceOf(BookingResult.Booked.class);
        long id = ((BookingResult.Booked) booked).session().id();
        LocalDateTime earlier = LocalDateTime.now(clock).minusHours(hoursAgo).withSecond(0).withNano(0);
        jdbc.update("update appointment set starts_at = ?, ends_at = ? where id = ?",
                java.sql.Timestamp.from(DiaryTestData.uk(earlier).toInstant()),
                java.sql.Timestamp.from(DiaryTestData.uk(earlier.plusMinutes(50)).toInstant()), id);
        changes.recordOutcome(AppointmentId.of(id), AppointmentState.ATTENDED);
        return scheduling.sessionsForCase(IntakeId.of(client.id())).stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow();
    }

    /** The note panel as a tab shows it, drawn from what is stored now. */
    private SessionNotePanel open(SessionView session) {
        var diary = new DiaryContext(scheduling, changes, setup, leave, freeSlots, cases, notes, staff,
                currentUser.require(), clock);
        var panel = new SessionNotePanel(diary, session);
        UI.getCurrent().add(panel);
        return panel;
    }

    private void type(SessionNotePanel panel, String text) {
        test(area(panel)).setValue(text);
    }

    private TextArea area(SessionNotePanel panel) {
        return find(TextArea.class, panel).withLabel("Note").single();
    }

    private Button button(SessionNotePanel panel, String text) {
        return find(Button.class, panel).withText(text).single();
    }

    private String problem(SessionNotePanel panel) {
        return find(Span.class, panel).withClassName("dialog-problem").single().getText();
    }

    private List<String> stored(SessionView session) {
        return notes.note(AppointmentId.of(session.id())).orElseThrow().sections().stream()
                .map(SessionNoteView.Section::text).toList();
    }
}
