package app.thaw.scheduling.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextArea;

import app.thaw.base.ids.AppointmentId;
import app.thaw.scheduling.SessionView;
import app.thaw.base.ui.Toasts;

/**
 * Cancels a session with a reason (kept in the practice, never sent). Staff can record a cancellation the
 * client asked for by phone or email at any time: the client notice window applies to clients' own
 * cancellations on their status page only.
 */
class CancelForm extends Div {

    static final int REASON_MAX = 500;

    CancelForm(DiaryContext diary, SessionView session, Runnable onCancelled) {
        this(diary, session, "", onCancelled);
    }

    /** {@code suggested}: the reason to start from (the therapist's time away, say). */
    CancelForm(DiaryContext diary, SessionView session, String suggested, Runnable onCancelled) {
        addClassName("session-form");
        var reason = new TextArea("Reason (required; stays in the practice)");
        reason.setValue(suggested);
        reason.setMaxLength(REASON_MAX);
        reason.setManualValidation(true);
        reason.setWidthFull();
        var forClient = new Checkbox("Cancelled for the client (they asked us)");
        forClient.setTooltipText("Staff may record this at any time, also inside the client notice window.");
        var confirm = new Button("Confirm cancellation");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(click -> {
            try {
                diary.changes().cancel(AppointmentId.of(session.id()), forClient.getValue(), reason.getValue());
                Toasts.success("Cancelled " + session.clients() + ", " + DiaryFormat.when(session)
                        + ". The clients are told.");
                onCancelled.run();
            } catch (IllegalArgumentException refused) {
                reason.setErrorMessage(refused.getMessage());
                reason.setInvalid(true);
            } finally {
                confirm.setEnabled(true);
            }
        });
        add(new H3("Cancel"), reason, forClient, confirm);
    }
}
