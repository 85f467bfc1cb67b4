package app.thaw.review.ui;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;

import app.thaw.Application;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.questionnaire.RiskFlag;
import app.thaw.review.CaseDetail;
import app.thaw.review.domain.ReviewCase;

/** The risk banner naming the answers that raised it, and, until someone has, the "risk reviewed" step. */
class RiskPanel extends Div {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(Application.PRACTICE_ZONE);

    RiskPanel(SubmittedIntake intake, CaseDetail.CaseState state, Consumer<String> acknowledge) {
        this(intake, state, "", draft -> { }, acknowledge);
    }

    /** {@code draft} refills the note after the case is redrawn; {@code draftChanged} hears every change to it. */
    RiskPanel(SubmittedIntake intake, CaseDetail.CaseState state, String draft, Consumer<String> draftChanged,
              Consumer<String> acknowledge) {
        addClassName("risk-panel");
        setId("risk");
        getElement().setAttribute("tabindex", "-1");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Risk");
        var reasons = new UnorderedList();
        for (RiskFlag flag : intake.riskFlags()) {
            reasons.add(new ListItem(flag.description()));
        }
        add(new H3("Urgent: risk answers"), reasons);
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
        add(new Paragraph("Before anything else is done with this case, record that you have reviewed the risk."),
                note, confirm);
    }
}
