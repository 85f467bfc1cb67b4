package app.thaw.security.ui;

import java.time.Duration;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import app.thaw.security.IdleSessions;

/** Staff sign-in. Clients never need it, so it points them back to the intake. */
@Route("login")
@PageTitle("Staff sign in · Thaw")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Paragraph timedOut = new Paragraph();

    public LoginView() {
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(texts());

        var title = new H1("Thaw");
        var tagline = new Paragraph("Staff sign in for the practice team.");
        var clientHint = new Paragraph("Looking for support? ");
        clientHint.add(new Anchor("", "Start here instead — no account needed."));
        clientHint.addClassName("login-client-hint");
        timedOut.setId("signed-out-idle");
        timedOut.addClassName("login-notice");
        timedOut.getElement().setAttribute("role", "status");
        timedOut.setVisible(false);
        add(title, tagline, timedOut, form, clientHint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        form.setError(parameters.containsKey("error"));
        if (parameters.containsKey("signed-out")) {
            form.getElement().setAttribute("data-signed-out", "");
        }
        WrappedSession session = VaadinSession.getCurrent().getSession();
        // said once: a reload of this page, or the next sign-out, is not another time-out
        if (session.getAttribute(IdleSessions.TIMED_OUT) instanceof Duration idle) {
            session.removeAttribute(IdleSessions.TIMED_OUT);
            timedOut.setText("You were signed out because nothing was done for " + idle.toMinutes()
                    + " minutes: this keeps clients' details private on a screen left open. Anything not saved "
                    + "before then was not kept. Sign in to carry on.");
            timedOut.setVisible(true);
        }
    }

    static LoginI18n texts() {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Username");
        i18n.getErrorMessage().setTitle("Those details didn't work");
        i18n.getErrorMessage().setMessage(
                "Check your username and password and try again. After several failed tries, sign-in pauses for a while.");
        return i18n;
    }
}
