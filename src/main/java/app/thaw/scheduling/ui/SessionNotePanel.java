package app.thaw.scheduling.ui;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import app.thaw.base.ids.AppointmentId;
import app.thaw.base.PracticeTime;
import app.thaw.care.KeptNoteView;
import app.thaw.care.NoteTemplate;
import app.thaw.care.SessionNoteView;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.SessionView;
import app.thaw.base.ui.SessionEnding;
import app.thaw.base.ui.Toasts;

import org.jspecify.annotations.Nullable;

/**
 * The note of an attended session, for the therapists of the case. The session's therapist writes it (free, DAP or
 * SOAP) and may change it until they sign it, 24 hours at most; then it is locked and shown with its addenda.
 */
class SessionNotePanel extends Div {

    static final int SECTION_MAX = 4000;
    private static final DateTimeFormatter WHEN = PracticeTime.DAY_DATE_TIME;

    private final DiaryContext diary;
    private final SessionView session;

    SessionNotePanel(DiaryContext diary, SessionView session) {
        this.diary = diary;
        this.session = session;
        addClassName("session-note");
        render();
    }

    private void render() {
        removeAll();
        add(new H3("Session note"));
        Optional<SessionNoteView> note;
        try {
            note = diary.notes().note(AppointmentId.of(session.id()));
        } catch (IllegalArgumentException notYours) {
            add(new Paragraph("Only the therapists of this client's case can read its session notes."));
            return;
        }
        boolean mine = session.therapistId() == diary.me().id();
        if (mine) {
            for (KeptNoteView kept : diary.notes().keptTexts(AppointmentId.of(session.id()))) {
                add(new KeptTextBlock(kept, () -> {
                    diary.notes().discardKept(AppointmentId.of(session.id()), kept.id());
                    Toasts.success("Kept text discarded.");
                    render();
                }));
            }
        }
        if (note.isEmpty()) {
            if (session.state() == AppointmentState.ATTENDED && mine) {
                add(form(null));
            } else {
                add(new Paragraph(session.state() == AppointmentState.ATTENDED ? "No note yet." :
                        "A note is written once the session is marked attended."));
            }
            return;
        }
        SessionNoteView current = note.get();
        if (!current.locked() && current.authorId() == diary.me().id()) {
            add(form(current));
            return;
        }
        add(read(current));
    }

    private Div read(SessionNoteView note) {
        var shown = new Div();
        shown.addClassName("session-note-text");
        for (SessionNoteView.Section section : note.sections()) {
            if (note.template() != NoteTemplate.FREE) {
                shown.add(new H4(section.heading()));
            }
            var text = new Paragraph(section.text());
            text.addClassName("note-body");
            shown.add(text);
        }
        shown.add(new Paragraph(note.author() + " · " + (note.signedAt() != null
                ? "signed " + WHEN.format(note.signedAt()) : note.locked() ? "locked " + WHEN.format(note.lockedAt())
                : "draft, locks " + WHEN.format(note.lockedAt()))));
        for (SessionNoteView.Addendum addendum : note.addenda()) {
            var added = new Div(new Span("Addendum · " + addendum.author() + " · " + WHEN.format(addendum.createdAt())),
                    new Paragraph(addendum.text()));
            added.addClassName("note-addendum");
            shown.add(added);
        }
        if (note.locked()) {
            var text = new TextArea("Add an addendum");
            text.setMaxLength(SECTION_MAX);
            text.setWidthFull();
            var add = new Button("Add addendum", click -> {
                try {
                    diary.notes().addAddendum(AppointmentId.of(session.id()), text.getValue());
                    Toasts.success("Addendum added.");
                    render();
                } catch (IllegalArgumentException refused) {
                    text.setErrorMessage(refused.getMessage());
                    text.setInvalid(true);
                }
            });
            shown.add(text, add);
        }
        return shown;
    }

    private Div form(@Nullable SessionNoteView draft) {
        var form = new Div();
        form.addClassName("session-note-form");
        var template = new Select<NoteTemplate>();
        template.setLabel("Template");
        template.setItems(NoteTemplate.values());
        template.setItemLabelGenerator(NoteTemplate::label);
        template.setValue(draft == null ? NoteTemplate.FREE : draft.template());
        var fields = new Div();
        List<TextArea> areas = new ArrayList<>();
        Runnable layout = () -> {
            List<String> kept = areas.stream().map(TextArea::getValue).toList();
            areas.clear();
            fields.removeAll();
            List<String> headings = template.getValue().headings();
            for (int i = 0; i < headings.size(); i++) {
                var area = new TextArea(headings.get(i));
                area.setMaxLength(SECTION_MAX);
                area.setWidthFull();
                if (i < kept.size()) {
                    area.setValue(kept.get(i));
                } else if (draft != null && i < draft.sections().size() && draft.template() == template.getValue()) {
                    area.setValue(draft.sections().get(i).text());
                }
                areas.add(area);
                fields.add(area);
            }
        };
        layout.run();
        template.addValueChangeListener(change -> layout.run());
        var problem = new Span();
        problem.addClassName("dialog-problem");
        problem.getElement().setAttribute("role", "alert");
        Long version = draft == null ? null : draft.version();
        var save = new Button("Save draft", click -> save(template, areas, false, problem, version));
        var sign = new Button("Save and sign", click -> save(template, areas, true, problem, version));
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // apart, so the button that locks the note is not pressed for the draft one
        var actions = new Div(save, sign);
        actions.addClassName("session-note-actions");
        form.add(template, fields, problem, actions);
        // signed out for idleness half-way through the note: kept as a draft, as "Save draft" would have kept it
        SessionEnding.whileShown(form, () -> keepDraft(template.getValue(), areas, draft));
        form.add(new Paragraph(draft == null ? "You can change the note until you sign it, for 24 hours at most; "
                + "then it is locked and anything more is an addendum."
                : "Draft saved " + WHEN.format(draft.updatedAt()) + "; it locks " + WHEN.format(draft.lockedAt())
                        + " unless you sign it sooner."));
        return form;
    }

    private void keepDraft(NoteTemplate template, List<TextArea> areas, @Nullable SessionNoteView draft) {
        List<String> texts = areas.stream().map(TextArea::getValue).toList();
        boolean unchanged = draft == null ? texts.stream().allMatch(String::isBlank)
                : draft.template() == template
                        && texts.equals(draft.sections().stream().map(SessionNoteView.Section::text).toList());
        if (unchanged) {
            return;
        }
        try {
            diary.notes().saveNote(AppointmentId.of(session.id()), template, texts, false,
                    draft == null ? null : draft.version());
        } catch (IllegalArgumentException refused) {
            // locked or saved elsewhere since this form was drawn (StaleSessionNote): the stored note stays as it is,
            // never overwritten by an older form, and what was typed is kept apart for its author
            keepApart(template, texts);
        }
    }

    private void keepApart(NoteTemplate template, List<String> texts) {
        try {
            diary.notes().keepUnsaved(AppointmentId.of(session.id()), template, texts);
        } catch (IllegalArgumentException noLongerTheirs) {
            // the case was handed over meanwhile: the text may no longer be kept against it
        }
    }

    private void save(Select<NoteTemplate> template, List<TextArea> areas, boolean sign, Span problem,
                      @Nullable Long version) {
        try {
            diary.notes().saveNote(AppointmentId.of(session.id()), template.getValue(),
                    areas.stream().map(TextArea::getValue).toList(), sign, version);
            Toasts.success(sign ? "Note signed and locked." : "Draft saved.");
            render();
        } catch (IllegalArgumentException refused) {
            problem.setText(refused.getMessage());
        }
    }
}
