package app.thaw.review.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import app.thaw.care.NoteTemplate;
import app.thaw.care.SessionNoteView;

/** The notes of the client's attended sessions, oldest first, with their addenda: part of the case's history. */
class SessionNotesPanel extends Div {

    SessionNotesPanel(List<SessionNoteView> notes) {
        addClassName("session-notes-panel");
        refresh(notes);
    }

    /** Shows the session notes this therapist may read now (an assignment can open them). */
    void refresh(List<SessionNoteView> notes) {
        removeAll();
        add(new H3("Session notes"));
        if (notes.isEmpty()) {
            add(new Paragraph("No session notes yet: the session's therapist writes one from the diary once the "
                    + "session is marked attended."));
        }
        for (SessionNoteView note : notes) {
            var block = new Div();
            block.addClassName("session-note-entry");
            var meta = new Span(note.author() + " · " + RiskPanel.WHEN.format(note.createdAt()) + " · "
                    + note.template().label() + " · " + (note.signedAt() != null ? "signed"
                    : note.locked() ? "locked" : "draft"));
            meta.addClassName("note-meta");
            block.add(meta);
            for (SessionNoteView.Section section : note.sections()) {
                if (note.template() != NoteTemplate.FREE) {
                    block.add(new H4(section.heading()));
                }
                var body = new Paragraph(section.text());
                body.addClassName("note-body");
                block.add(body);
            }
            for (SessionNoteView.Addendum addendum : note.addenda()) {
                var added = new Paragraph("Addendum, " + addendum.author() + ", "
                        + RiskPanel.WHEN.format(addendum.createdAt()) + ": " + addendum.text());
                added.addClassName("note-addendum");
                block.add(added);
            }
            add(block);
        }
    }
}
