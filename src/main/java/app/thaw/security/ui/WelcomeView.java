package app.thaw.security.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import app.thaw.security.StaffPasswords;

import org.jspecify.annotations.Nullable;

/** Where an invited staff member chooses their first password. */
@Route("welcome/:token")
@PageTitle("Welcome · Thaw")
@AnonymousAllowed
public class WelcomeView extends ChoosePasswordView {

    public WelcomeView(StaffPasswords passwords) {
        super(passwords);
    }

    @Override
    String heading(@Nullable String displayName) {
        return "Welcome, " + displayName;
    }

    @Override
    String introduction() {
        return "Choose the password for your staff account. This link works once.";
    }
}
