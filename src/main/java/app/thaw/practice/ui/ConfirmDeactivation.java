package app.thaw.practice.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Asks before deactivating from the hand-over page, in the words Team › Deactivate… uses. */
class ConfirmDeactivation extends Dialog {

    ConfirmDeactivation(String name, Runnable deactivate) {
        setHeaderTitle("Deactivate " + name + "?");
        add(new Paragraph("They are signed out everywhere at once and can't sign in until reactivated. Their cases, "
                + "notes and history stay as they are."));
        var go = new Button("Deactivate", click -> {
            close();
            deactivate.run();
        });
        go.setId("confirm-deactivate");
        go.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), go);
    }
}
