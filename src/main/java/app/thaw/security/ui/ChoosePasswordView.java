package app.thaw.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

import app.thaw.security.LinkCheck;
import app.thaw.security.StaffActionRefused;
import app.thaw.security.StaffInputProblem;
import app.thaw.security.StaffPasswords;

import org.jspecify.annotations.Nullable;

/**
 * A page opened from an invitation or reset link: the person chooses a password, or is told calmly why the
 * link no longer works and what to do. The secret stays in this view; only its hash is ever looked up.
 */
abstract class ChoosePasswordView extends Main implements BeforeEnterObserver {

    private final StaffPasswords passwords;
    private String token = "";

    ChoosePasswordView(StaffPasswords passwords) {
        this.passwords = passwords;
        addClassNames("login-view", "choose-password-view");
    }

    abstract String heading(@Nullable String displayName);

    abstract String introduction();

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        LinkCheck check = passwords.check(token);
        removeAll();
        if (check.isValid()) {
            showForm(check);
        } else {
            showRefusal(StaffPasswords.refusal(check.state()));
        }
    }

    private void showForm(LinkCheck check) {
        var username = new TextField("Your username");
        username.setValue(check.username());
        username.setReadOnly(true);
        username.setAutocomplete(Autocomplete.USERNAME);
        username.setWidthFull();
        var fields = new NewPasswordFields();
        var save = new Button("Save password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        save.addClickListener(click -> {
            fields.clearProblems();
            try {
                passwords.chooseWithLink(token, fields.password.getValue(), fields.repeated.getValue());
                showDone();
            } catch (StaffInputProblem problem) {
                fields.show(problem);
            } catch (StaffActionRefused refused) {
                showRefusal(refused.getMessage());
            }
        });
        var form = new Div(username, fields, save);
        form.addClassName("choose-password-form");
        add(new H1(heading(check.displayName())), new Paragraph(introduction()), form);
    }

    private void showDone() {
        removeAll();
        var signIn = new Anchor("login", "Sign in");
        signIn.addClassName("sign-in-link");
        add(new H1("Your password is saved"), new Paragraph("Sign in with your username and the password you just "
                + "chose."), signIn);
    }

    private void showRefusal(String message) {
        removeAll();
        var reason = new Paragraph(message);
        reason.addClassName("link-refusal");
        add(new H1("This link can't be used"), reason, new Anchor("login", "Go to staff sign in"));
    }
}
