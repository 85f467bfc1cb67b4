package app.thaw.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.security.Roles;
import app.thaw.security.SecondFactorService;
import app.thaw.security.Verification;

/** The second step of staff sign-in: the code from the authenticator app, or a recovery code. */
@Route(VerifySecondFactorView.ROUTE)
@PageTitle("Enter your code · Thaw")
@RolesAllowed(Roles.PASSWORD_VERIFIED)
public class VerifySecondFactorView extends Main implements BeforeEnterObserver {

    public static final String ROUTE = "login/verify";

    private final SecondFactorService secondFactor;
    private final TextField code = SecondFactorField.create("Code from your authenticator app");
    private final Div hint = new Div();

    public VerifySecondFactorView(SecondFactorService secondFactor, AuthenticationContext authentication) {
        this.secondFactor = secondFactor;
        addClassNames("login-view", "second-factor-view");
        var verify = new Button("Verify", click -> verify());
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        verify.setWidthFull();
        var elsewhere = new Button("Sign in as someone else", click -> authentication.logout());
        elsewhere.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var form = new Div(new H2("Enter your code"),
                new Paragraph("Open your authenticator app and type the 6-digit code it shows for Thaw."),
                code, verify,
                new Paragraph("Lost your phone? Type one of your recovery codes instead, "
                        + "or ask the practice manager to reset your authenticator."),
                hint, elsewhere);
        form.addClassName("second-factor-form");
        add(new H1("Thaw"), form);
        code.focus();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!secondFactor.isEnrolled()) {
            event.forwardTo(EnrolSecondFactorView.class);
            return;
        }
        secondFactor.demoHint().ifPresent(current -> {
            hint.removeAll();
            hint.add(new Paragraph("Demo account: the code right now is " + current
                    + " (shown in the dev profile only; see the README)."));
            hint.addClassName("demo-code-hint");
        });
    }

    private void verify() {
        Verification result = secondFactor.verify(code.getValue());
        if (!result.accepted()) {
            SecondFactorField.refuse(code, SecondFactorField.WRONG_CODE);
            return;
        }
        if (!result.usedRecoveryCode()) {
            UI.getCurrent().getPage().setLocation(Landing.afterSignIn());
            return;
        }
        var carryOn = new Button("Continue", click -> UI.getCurrent().getPage().setLocation(Landing.afterSignIn()));
        carryOn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var done = new Div(new H2("Signed in with a recovery code"),
                new Paragraph("That code is now used up. You have " + result.recoveryCodesLeft() + " left. "
                        + "Ask the practice manager to reset your authenticator so you can set up a new one."),
                carryOn);
        done.addClassName("second-factor-form");
        removeAll();
        add(new H1("Thaw"), done);
    }
}
