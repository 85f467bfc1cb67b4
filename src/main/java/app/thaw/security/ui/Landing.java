package app.thaw.security.ui;

import org.springframework.security.core.context.SecurityContextHolder;

import app.thaw.security.StaffUser;

/** Where a fully signed-in staff member lands: their role's home (a clinical lead has no queue). */
final class Landing {

    private Landing() {
    }

    static String home() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffUser staff
                ? staff.role().home() : "staff";
    }
}
