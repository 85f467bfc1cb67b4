package app.thaw.privacy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import app.thaw.base.ids.CaseReference;
import app.thaw.privacy.PrivacyService;
import app.thaw.retention.ClientPrivacyStatus;
import app.thaw.retention.ErasureResult;
import app.thaw.base.ui.Toasts;

/**
 * Erases one client on their request, after the practice manager gives a reason and types the reference again:
 * it cannot be undone. Says at once when the client is held or already erased.
 */
public class ErasureDialog extends Dialog {

    private final Paragraph problem = new Paragraph();

    public ErasureDialog(PrivacyService privacy, CaseReference reference, Runnable done) {
        setHeaderTitle("Erase client " + reference);
        setWidth("min(36rem, 95vw)");
        addClassName("erasure-dialog");
        problem.addClassName("dialog-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        var explain = new Paragraph("Names, contact details, date of birth, typed answers, notes, referral reasons "
                + "and emails to this client are replaced by \"[erased]\". Scores, choices, contributing factors, "
                + "referral kinds, dates and sessions stay for the practice's statistics. A partner's own record "
                + "is not touched. This cannot be undone.");
        var reason = new TextArea("Why is this client erased?");
        reason.setHelperText("For example: \"Client's written request of 3 May\". Please don't name anyone.");
        reason.setMaxLength(PrivacyService.REASON_MAX);
        reason.setWidthFull();
        var confirm = new TextField("Type the reference to confirm");
        confirm.setPlaceholder(reference.value());
        confirm.setWidthFull();
        var erase = new Button("Erase client");
        erase.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        erase.addClickListener(click -> {
            reason.setInvalid(false);
            confirm.setInvalid(false);
            if (!confirm.getValue().strip().equalsIgnoreCase(reference.value())) {
                confirm.setErrorMessage("Type " + reference + " exactly, to be sure it is the right client.");
                confirm.setInvalid(true);
                return;
            }
            ErasureResult result = privacy.erase(reference, reason.getValue());
            switch (result.outcome()) {
                case ERASED -> {
                    close();
                    Toasts.success(result.message());
                    done.run();
                }
                case REASON_MISSING -> {
                    reason.setErrorMessage(result.message());
                    reason.setInvalid(true);
                }
                default -> show(result.message());
            }
        });
        add(explain, problem, reason, confirm);
        getFooter().add(new Button("Cancel", click -> close()), erase);
        ClientPrivacyStatus status = privacy.erasureStatus(reference).orElse(null);
        if (status == null) {
            show("There is no client with that reference.");
            erase.setEnabled(false);
        } else if (status.erased()) {
            show(reference + " was already erased.");
            erase.setEnabled(false);
        } else if (status.held()) {
            show(reference + " is under a legal hold, so it cannot be erased. Clear the hold first if it no "
                    + "longer applies.");
            erase.setEnabled(false);
        }
    }

    private void show(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }
}
