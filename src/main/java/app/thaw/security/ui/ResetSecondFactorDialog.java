package app.thaw.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import app.thaw.base.ids.StaffId;
import app.thaw.security.SecondFactorService;

/**
 * A practice manager resets a staff member's authenticator (a lost or new phone): they set up a new one at
 * their next sign-in. Self-contained so any team page can offer it.
 */
public class ResetSecondFactorDialog extends Dialog {

    public ResetSecondFactorDialog(SecondFactorService secondFactor, long staffId, String displayName) {
        setHeaderTitle("Reset authenticator for " + displayName + "?");
        boolean enrolled = secondFactor.isEnrolled(StaffId.of(staffId));
        add(new Paragraph(enrolled
                ? "Their authenticator app and recovery codes stop working. The next time they sign in, "
                        + "they set up a new authenticator. If they are signed in anywhere, they are signed out."
                : "They have no authenticator set up yet: they will be asked to set one up at their next sign-in."));
        var cancel = new Button("Cancel", click -> close());
        var reset = new Button("Reset authenticator", click -> {
            secondFactor.reset(StaffId.of(staffId));
            Notification.show("Authenticator reset for " + displayName + ".", 5000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
        });
        reset.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        reset.setEnabled(enrolled);
        reset.setDisableOnClick(true);
        getFooter().add(cancel, reset);
    }
}
