package app.thaw.security.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import app.thaw.security.StaffPasswords;

import org.jspecify.annotations.Nullable;

/** Where a staff member whose password was reset chooses a new one. */
@Route("reset-password/:token")
@PageTitle("Choose a new password · Thaw")
@AnonymousAllowed
public class ResetPasswordView extends ChoosePasswordView {

    public ResetPasswordView(StaffPasswords passwords) {
        super(passwords);
    }

    @Override
    String heading(@Nullable String displayName) {
        return "Choose a new password, " + displayName;
    }

    @Override
    String introduction() {
        return "Your practice manager reset your password, so the old one no longer works. This link works once.";
    }
}
