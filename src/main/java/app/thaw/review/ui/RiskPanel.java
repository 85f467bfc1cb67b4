package app.thaw.review.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;

import app.thaw.base.PracticeTime;
import app.thaw.review.CaseDetail;
import app.thaw.review.domain.ReviewCase;

/** The risk banner naming the answers that raised it, and, until someone has, the "risk reviewed" step. */
class RiskPanel extends Div {

    static final DateTimeFormatter WHEN = PracticeTime.DATE_TIME;

    private final List<CaseDetail.RiskTrigger> triggers;
    private final Consumer<String> draftChanged;
    private final Consumer<String> acknowledge;

    /** {@code draft} refills the note after a refusal; {@code draftChanged} hears every change to it. */
    RiskPanel(CaseDetail detail, String draft, Consumer<String> draftChanged, Consumer<String> acknowledge) {
        this.triggers = detail.riskTriggers();
        this.draftChanged = draftChanged;
        this.acknowledge = acknowledge;
        addClassName("risk-panel");
        setId("risk");
        getElement().setAttribute("tabindex", "-1");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Risk");
        refresh(detail.state(), draft);
    }

    /** Shows the risk review as it stands now; the triggers come from the answers, which never change. */
    void refresh(CaseDetail.CaseState state, String draft) {
        removeAll();
        var reasons = new UnorderedList();
        for (CaseDetail.RiskTrigger trigger : triggers) {
            reasons.add(trigger(trigger));
        }
        add(new H3(state.riskAcknowledged() ? "Urgent: risk answers (reviewed)" : "Urgent: risk answers, not yet "
                + "reviewed"), reasons);
        if (state.riskAcknowledged()) {
            add(new Paragraph("Risk reviewed by " + state.riskAcknowledgedBy() + " on "
                    + WHEN.format(state.riskAcknowledgedAt()) + ": " + state.riskAcknowledgementNote()));
            return;
        }
        var note = new TextArea("What did you decide? (required)");
        note.setMaxLength(ReviewCase.ACKNOWLEDGEMENT_NOTE_MAX);
        note.setWidthFull();
        note.setHelperText("For example: called the client, safe for now, crisis plan shared.");
        note.setId("risk-note");
        note.setValue(draft == null ? "" : draft);
        note.addValueChangeListener(change -> draftChanged.accept(change.getValue()));
        var confirm = new Button("I have reviewed the risk", click -> acknowledge.accept(note.getValue()));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        add(new Paragraph("Read the answers below, then record what you decided. Until then nothing else can be "
                + "done with this case, and no session can be booked."), note, confirm);
    }

    /** The rule's words first (what the list is about), then the question, the answer and the client's own words. */
    private static ListItem trigger(CaseDetail.RiskTrigger trigger) {
        var item = new ListItem();
        item.addClassName("risk-trigger");
        var what = new Span(trigger.description());
        what.addClassName("risk-trigger-what");
        item.add(what);
        if (trigger.question() != null) {
            var asked = new Paragraph("Asked: “" + trigger.question() + "” Answered: “" + trigger.answer() + "”");
            asked.addClassName("risk-trigger-answer");
            item.add(asked);
        }
        for (String words : trigger.ownWords()) {
            var own = new Paragraph("In their own words: “" + words + "”");
            own.addClassName("risk-trigger-words");
            item.add(own);
        }
        return item;
    }
}
