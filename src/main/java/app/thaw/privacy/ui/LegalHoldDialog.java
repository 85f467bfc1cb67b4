package app.thaw.privacy.ui;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.PracticeTime;
import app.thaw.privacy.PrivacyService;
import app.thaw.retention.LegalHold;
import app.thaw.retention.LegalHoldResult;
import app.thaw.base.ui.Toasts;

/** Sets a legal hold on one client, or clears the one in force; either needs a reason. */
public class LegalHoldDialog extends Dialog {

    private static final DateTimeFormatter WHEN = PracticeTime.DATE;

    private final Paragraph problem = new Paragraph();

    public LegalHoldDialog(PrivacyService privacy, CaseReference reference, Runnable done) {
        setHeaderTitle("Legal hold on " + reference);
        setWidth("min(36rem, 95vw)");
        addClassName("legal-hold-dialog");
        problem.addClassName("dialog-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        LegalHold current = privacy.legalHold(reference).orElse(null);
        var reason = new TextArea(current == null ? "Why must this record be kept?"
                : "Why is the hold no longer needed?");
        reason.setHelperText("For example: \"Solicitor's letter of 3 May about a claim\".");
        reason.setMaxLength(PrivacyService.REASON_MAX);
        reason.setWidthFull();
        var state = new Paragraph(current == null
                ? "While a legal hold is set, this client's record is kept as it is: it cannot be erased on "
                        + "request, and the retention policy skips it."
                : "On legal hold since " + WHEN.format(current.setAt()) + ", set by " + current.setBy() + ": "
                        + current.reason());
        state.addClassName("legal-hold-state");
        var act = new Button(current == null ? "Set legal hold" : "Clear legal hold");
        act.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        act.addClickListener(click -> {
            reason.setInvalid(false);
            LegalHoldResult result = current == null ? privacy.placeLegalHold(reference, reason.getValue())
                    : privacy.liftLegalHold(reference, reason.getValue());
            if (result.done()) {
                close();
                Toasts.success(result.message());
                done.run();
            } else if (result.outcome() == LegalHoldResult.Outcome.REASON_MISSING) {
                reason.setErrorMessage(result.message());
                reason.setInvalid(true);
            } else {
                problem.setText(result.message());
                problem.setVisible(true);
            }
        });
        add(state, problem, reason);
        getFooter().add(new Button("Cancel", click -> close()), act);
    }
}
