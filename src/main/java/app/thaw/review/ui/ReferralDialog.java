package app.thaw.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;

import app.thaw.review.CaseActionRefused;
import app.thaw.review.ReferralKind;
import app.thaw.review.domain.Referral;

/** Records the referral decision with its reason; joint work despite a partner-fear flag asks for a clinical decision. */
class ReferralDialog extends Dialog {

    interface Save {
        void save(ReferralKind kind, String reason, String partnerFearDecision);
    }

    ReferralDialog(boolean partnerFearFlag, Save save) {
        setHeaderTitle("Referral decision");
        setWidth("min(40rem, 95vw)");
        var kind = new RadioButtonGroup<ReferralKind>("Refer to");
        kind.setItems(ReferralKind.values());
        kind.setItemLabelGenerator(ReferralKind::label);
        kind.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        var reason = new TextArea("Reason");
        reason.setMaxLength(Referral.REASON_MAX);
        reason.setWidthFull();
        reason.setMinHeight("6em");
        var fearDecision = new TextArea("Clinical decision on the partner-fear answer");
        fearDecision.setMaxLength(Referral.PARTNER_FEAR_DECISION_MAX);
        fearDecision.setWidthFull();
        fearDecision.setHelperText("One of the partners said they are afraid of the other. Say why joint work is safe.");
        fearDecision.setVisible(false);
        kind.addValueChangeListener(change -> fearDecision.setVisible(partnerFearFlag && change.getValue() != null
                && change.getValue().involvesPartner()));
        var problem = new Paragraph();
        problem.addClassName("dialog-problem");
        problem.getElement().setAttribute("role", "alert");
        var saveButton = new Button("Save decision", click -> {
            if (kind.getValue() == null) {
                kind.setInvalid(true);
                kind.setErrorMessage("Choose where to refer");
                return;
            }
            try {
                save.save(kind.getValue(), reason.getValue(), fearDecision.getValue());
                close();
            } catch (CaseActionRefused refused) {
                problem.setText(refused.getMessage());
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(kind, reason, fearDecision, problem);
        getFooter().add(new Button("Cancel", click -> close()), saveButton);
    }
}
