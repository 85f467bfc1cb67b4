package app.thaw.scheduling.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;

import app.thaw.base.PracticeTime;
import app.thaw.care.KeptNoteView;
import app.thaw.care.NoteTemplate;
import app.thaw.care.SessionNoteView;

/**
 * Text the therapist had typed when an idle sign-out could not save it into the note, shown above the note to copy
 * from; discarding it takes a second, deliberate click, since it exists nowhere else.
 */
class KeptTextBlock extends Div {

    KeptTextBlock(KeptNoteView kept, Runnable discard) {
        addClassName("kept-note-text");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Text kept when you were signed out");
        add(new H4("Text kept when you were signed out"));
        String when = PracticeTime.DAY_DATE_TIME.format(kept.keptAt());
        add(new Paragraph(kept.because() == KeptNoteView.Because.LOCKED
                ? "You were signed out for inactivity on " + when + " after this note had been signed or locked, so "
                        + "what you had typed could not go into it and was kept here. Copy what you need into an "
                        + "addendum, then discard it."
                : "You were signed out for inactivity on " + when + " after this note had been saved from another "
                        + "tab or window, so what you had typed was kept here rather than overwrite it. Copy what you "
                        + "need into the note, then discard it."));
        for (SessionNoteView.Section section : kept.sections()) {
            if (section.text().isEmpty()) {
                continue;
            }
            if (kept.template() != NoteTemplate.FREE) {
                add(new H4(section.heading()));
            }
            var text = new Paragraph(section.text());
            text.addClassName("note-body");
            add(text);
        }
        var sure = new Button("Yes, discard it", click -> discard.run());
        sure.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var keep = new Button("Keep it");
        var confirm = new Div(new Paragraph("Discard this text? It is kept nowhere else."), sure, keep);
        confirm.addClassName("kept-note-confirm");
        confirm.setVisible(false);
        var ask = new Button("Discard…");
        ask.addClickListener(click -> {
            confirm.setVisible(true);
            ask.setVisible(false);
            sure.focus();
        });
        keep.addClickListener(click -> {
            confirm.setVisible(false);
            ask.setVisible(true);
            ask.focus();
        });
        add(ask, confirm);
    }
}
