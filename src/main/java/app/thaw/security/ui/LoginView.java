package app.thaw.security.ui;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

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
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import app.thaw.base.ui.SessionLimits;
import app.thaw.security.StaffSessionLimits;

/** Staff sign-in. Clients never need it, so it points them back to the intake. */
@Route("login")
@PageTitle("Staff sign in · Thaw")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    /** The ended session's limit in minutes, marked when it was the lifetime rather than the idle time. */
    private static final Pattern TIMED_OUT_VALUE = Pattern.compile("(" + StaffSessionLimits.LIFETIME_MARK
            + "?)(\\d{1,4})");

    static final String ACCOUNT_CHANGED = "You were signed out because your account was changed. If you can't sign "
            + "in, ask your practice manager.";
    static final String WAY_FORWARD = "Forgotten your password, or sign-in paused? Ask your practice manager to send "
            + "you a reset link.";

    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

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
        var wayForward = new Paragraph(WAY_FORWARD);
        wayForward.setId("sign-in-help");
        wayForward.addClassName("login-help");
        notice.setId("sign-in-notice");
        notice.addClassName("login-notice");
        notice.getElement().setAttribute("role", "status");
        notice.setVisible(false);
        add(title, tagline, notice, form, wayForward, clientHint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        form.setError(parameters.containsKey("error"));
        if (parameters.containsKey("signed-out")) {
            form.getElement().setAttribute("data-signed-out", "");
            // on a shared computer the next person should see that nobody is signed in any more
            say("You have signed out.");
        }
        // said once: a reload of this page, or the next sign-out, is not another time-out
        ended().ifPresent(this::say);
    }

    private void say(String text) {
        notice.setText(text);
        notice.setVisible(true);
    }

    /** Why a session just ended (from its cookie, which this removes), in the person's words. */
    private static Optional<String> ended() {
        var request = VaadinRequest.getCurrent();
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            var value = TIMED_OUT_VALUE.matcher(cookie.getValue());
            if (StaffSessionLimits.TIMED_OUT.equals(cookie.getName()) && value.matches()) {
                forget(request, StaffSessionLimits.TIMED_OUT);
                String limit = SessionLimits.inWords(Duration.ofMinutes(Long.parseLong(value.group(2))));
                String why = value.group(1).isEmpty()
                        ? "nothing was done for " + limit + ": this keeps clients' details private on a screen left "
                        + "open"
                        : "a session lasts at most " + limit + ", however busy: this keeps clients' details private "
                        + "on a computer left signed in";
                return Optional.of("You were signed out because " + why + ". Anything not saved was not kept, except "
                        + "a session note being written, kept as its draft. Sign in to carry on.");
            }
            if (StaffSessionLimits.ACCOUNT_CHANGED.equals(cookie.getName())) {
                forget(request, StaffSessionLimits.ACCOUNT_CHANGED);
                // which change, or whose, is for the practice manager to say
                return Optional.of(ACCOUNT_CHANGED);
            }
        }
        return Optional.empty();
    }

    private static void forget(VaadinRequest request, String name) {
        var gone = new Cookie(name, "");
        gone.setPath(cookiePath(request));
        gone.setMaxAge(0);
        VaadinResponse.getCurrent().addCookie(gone);
    }

    private static String cookiePath(VaadinRequest request) {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    }

    static LoginI18n texts() {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Username");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("Those details didn't work");
        i18n.getErrorMessage().setMessage(
                "Check your username and password and try again. After several failed tries, sign-in pauses for a while.");
        return i18n;
    }
}
