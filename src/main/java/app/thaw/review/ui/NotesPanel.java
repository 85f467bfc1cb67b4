package app.thaw.review.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;

import app.thaw.audit.AuditEntry;
import app.thaw.review.CaseDetail;
import app.thaw.review.domain.CaseNote;

/** Private clinical notes (append-only) and the case history: who did what, when. */
class NotesPanel extends Div {

    private final Div written = new Div();
    private final TextArea text = new TextArea("New note");
    private final Div timeline = new Div();

    /**
     * {@code draft} refills the new note when the case is opened again; {@code draftChanged} hears every change;
     * {@code addNote} says whether the note was added (the field is emptied then).
     */
    NotesPanel(List<CaseDetail.NoteView> notes, List<AuditEntry> history, String draft, Consumer<String> draftChanged,
               Predicate<String> addNote) {
        addClassName("notes-panel");
        written.addClassName("case-notes");
        text.setMaxLength(CaseNote.BODY_MAX);
        text.setWidthFull();
        text.setHelperText("Notes can't be edited or deleted once added.");
        text.setId("new-note");
        text.setValue(draft == null ? "" : draft);
        text.addValueChangeListener(change -> draftChanged.accept(change.getValue()));
        timeline.addClassName("case-history");
        add(new H3("Clinical notes"), written, text, new Button("Add note", click -> {
                    if (addNote.test(text.getValue())) {
                        text.clear();
                    }
                }),
                new H3("History"), timeline);
        refreshNotes(notes);
        refreshHistory(history);
    }

    /** Shows the notes as they stand now; a note just added empties the field it was typed in. */
    void refreshNotes(List<CaseDetail.NoteView> notes) {
        written.removeAll();
        if (notes.isEmpty()) {
            written.add(new Paragraph("No notes yet."));
        }
        for (CaseDetail.NoteView note : notes) {
            var meta = new Span(note.author() + " · " + RiskPanel.WHEN.format(note.createdAt()));
            meta.addClassName("note-meta");
            var body = new Paragraph(note.body());
            body.addClassName("note-body");
            written.add(new Div(meta, body));
        }
    }

    /** Shows who did what, when, as it stands now. */
    void refreshHistory(List<AuditEntry> history) {
        timeline.removeAll();
        for (AuditEntry entry : history) {
            timeline.add(new Paragraph(RiskPanel.WHEN.format(entry.occurredAt()) + " · " + entry.actorName() + " · "
                    + entry.action().label() + (entry.detail() == null ? "" : ": " + entry.readableDetail())));
        }
    }
}
