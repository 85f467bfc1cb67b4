package app.thaw.security.ui;

import java.util.List;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.security.Enrolment;
import app.thaw.security.Roles;
import app.thaw.security.SecondFactorService;

/**
 * First sign-in (or after a reset): set up an authenticator app from a QR code, a link on the phone itself or the
 * secret typed by hand, confirm with one code, then note the recovery codes, shown this once.
 */
@Route(EnrolSecondFactorView.ROUTE)
@PageTitle("Set up your authenticator · Thaw")
@RolesAllowed(Roles.PASSWORD_VERIFIED)
public class EnrolSecondFactorView extends Main implements BeforeEnterObserver {

    public static final String ROUTE = "login/enrol";

    private final SecondFactorService secondFactor;
    private final AuthenticationContext authentication;
    private final TextField code = SecondFactorField.create("6-digit code from the app");

    public EnrolSecondFactorView(SecondFactorService secondFactor, AuthenticationContext authentication) {
        this.secondFactor = secondFactor;
        this.authentication = authentication;
        addClassNames("login-view", "second-factor-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (secondFactor.isEnrolled()) {
            event.forwardTo(VerifySecondFactorView.class);
            return;
        }
        showSetup(secondFactor.beginEnrolment());
    }

    private void showSetup(Enrolment enrolment) {
        var qr = new Image(enrolment.qrCodeDataUri(), "QR code to scan with your authenticator app");
        qr.addClassName("totp-qr");
        var secret = new Span(enrolment.groupedSecret());
        secret.addClassName("totp-secret");
        secret.getElement().setAttribute("aria-label", "Secret key");
        var confirm = new Button("Confirm", click -> confirm());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        confirm.setWidthFull();
        var elsewhere = new Button("Sign in as someone else", click -> authentication.logout());
        elsewhere.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        // on a phone the QR code is on the very phone that would scan it, so the app can take the same link instead
        var onThisPhone = new Anchor();
        // otpauth: is not one of Vaadin's safe schemes; this link is built here from the app's own new secret
        onThisPhone.setUnsafeHref(enrolment.appLink());
        onThisPhone.setText("Add to an authenticator app on this phone");
        onThisPhone.addClassName("totp-app-link");
        var form = new Div(new H2("Set up your authenticator"),
                new Paragraph("Every staff sign-in needs a code from an authenticator app on your phone "
                        + "(for example Google Authenticator, Microsoft Authenticator or 2FAS). "
                        + "If you are reading this on a computer, scan this QR code with the app on your phone:"),
                qr,
                new Paragraph("If you are reading this on the phone with the app, tap this link instead:"),
                onThisPhone,
                new Paragraph("Or add an account in the app by hand with this key (time-based):"), secret,
                new Paragraph("Then type the 6-digit code the app shows to confirm."),
                code, confirm, elsewhere);
        form.addClassName("second-factor-form");
        removeAll();
        add(new H1("Thaw"), form);
        code.focus();
    }

    private void confirm() {
        secondFactor.confirmEnrolment(code.getValue()).ifPresentOrElse(this::showRecoveryCodes,
                () -> SecondFactorField.refuse(code, SecondFactorField.WRONG_CODE));
    }

    private void showRecoveryCodes(List<String> codes) {
        var list = new OrderedList();
        codes.forEach(recovery -> list.add(new ListItem(recovery)));
        list.addClassName("recovery-codes");
        list.getElement().setAttribute("aria-label", "Recovery codes");
        var carryOn = new Button("I have saved them — continue",
                click -> UI.getCurrent().getPage().setLocation(Landing.afterSignIn()));
        carryOn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var done = new Div(new H2("Your recovery codes"),
                new Paragraph("If you lose your phone, each of these codes signs you in once instead of the app. "
                        + "Write them down or keep them in a password manager: they are not shown again."),
                list, carryOn);
        done.addClassName("second-factor-form");
        removeAll();
        add(new H1("Thaw"), done);
    }
}
