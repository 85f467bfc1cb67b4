package app.thaw.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ui.MainLayout;
import app.thaw.security.Roles;
import app.thaw.security.StaffInputProblem;
import app.thaw.security.StaffPasswords;

/** A signed-in staff member changes their own password; reached from the account menu. */
@Route(value = ChangePasswordView.PATH, layout = MainLayout.class)
@PageTitle("Change password · Thaw")
@RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.CLINICAL_LEAD})
public class ChangePasswordView extends VerticalLayout {

    /** Also named in MainLayout's account menu, which cannot depend on this module. */
    public static final String PATH = "staff/account/password";

    public ChangePasswordView(StaffPasswords passwords) {
        addClassName("change-password-view");
        setMaxWidth("36rem");
        var current = new PasswordField("Current password");
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        current.setId("current-password");
        current.setWidthFull();
        var fields = new NewPasswordFields();
        fields.setWidthFull();
        var done = new Paragraph();
        done.addClassName("password-changed");
        done.getElement().setAttribute("role", "status");
        var save = new Button("Change password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            current.setInvalid(false);
            fields.clearProblems();
            done.setText("");
            try {
                passwords.changeOwn(current.getValue(), fields.password.getValue(), fields.repeated.getValue());
                current.clear();
                fields.password.clear();
                fields.repeated.clear();
                done.setText("Your password is changed. Anywhere else you were signed in has been signed out.");
            } catch (StaffInputProblem problem) {
                if (!fields.show(problem)) {
                    current.setErrorMessage(problem.getMessage());
                    current.setInvalid(true);
                    current.focus();
                }
            }
        });
        add(new H2("Change password"), new Paragraph("You'll stay signed in here; anywhere else you are signed in "
                + "will be signed out."), current, fields, save, done);
    }
}
