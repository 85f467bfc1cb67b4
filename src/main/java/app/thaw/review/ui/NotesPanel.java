package app.thaw.review.ui;

import java.util.List;
import java.util.function.Consumer;

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

    NotesPanel(List<CaseDetail.NoteView> notes, List<AuditEntry> history, Consumer<String> addNote) {
        this(notes, history, "", draft -> { }, addNote);
    }

    /** {@code draft} refills the new note after the case is redrawn; {@code draftChanged} hears every change to it. */
    NotesPanel(List<CaseDetail.NoteView> notes, List<AuditEntry> history, String draft, Consumer<String> draftChanged,
               Consumer<String> addNote) {
        addClassName("notes-panel");
        add(new H3("Clinical notes"));
        if (notes.isEmpty()) {
            add(new Paragraph("No notes yet."));
        }
        for (CaseDetail.NoteView note : notes) {
            var meta = new Span(note.author() + " · " + RiskPanel.WHEN.format(note.createdAt()));
            meta.addClassName("note-meta");
            var body = new Paragraph(note.body());
            body.addClassName("note-body");
            add(new Div(meta, body));
        }
        var text = new TextArea("New note");
        text.setMaxLength(CaseNote.BODY_MAX);
        text.setWidthFull();
        text.setHelperText("Notes can't be edited or deleted once added.");
        text.setId("new-note");
        text.setValue(draft == null ? "" : draft);
        text.addValueChangeListener(change -> draftChanged.accept(change.getValue()));
        add(text, new Button("Add note", click -> addNote.accept(text.getValue())));

        add(new H3("History"));
        var timeline = new Div();
        timeline.addClassName("case-history");
        for (AuditEntry entry : history) {
            timeline.add(new Paragraph(RiskPanel.WHEN.format(entry.occurredAt()) + " · " + entry.actorName() + " · "
                    + entry.action().label() + (entry.detail() == null ? "" : ": " + entry.detail())));
        }
        add(timeline);
    }
}
