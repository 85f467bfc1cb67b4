package app.thaw.security.ui;

import com.vaadin.flow.server.VaadinSession;

import org.springframework.security.core.context.SecurityContextHolder;

import app.thaw.security.SignInDestination;
import app.thaw.security.StaffUser;

/**
 * Where a fully signed-in staff member lands: the staff page they asked for before signing in (a link in an email),
 * else their role's home (a clinical lead has no queue).
 */
final class Landing {

    private Landing() {
    }

    static String afterSignIn() {
        var session = VaadinSession.getCurrent();
        return SignInDestination.take(session == null ? null : session.getSession()).orElseGet(Landing::home);
    }

    private static String home() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffUser staff
                ? staff.role().home() : "staff";
    }
}
