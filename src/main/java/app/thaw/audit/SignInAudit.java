package app.thaw.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

import app.thaw.security.StaffUser;

/** Every sign-in, successful or not, and every sign-out goes into the audit log. A failed one never records the password. */
@Component
class SignInAudit {

    private final AuditLog auditLog;

    SignInAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffUser user) {
            auditLog.recordSignIn(true, user.id(), user.displayName());
        }
    }

    /** Signing out is part of the record too: it bounds when a staff member could have read anything. */
    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof StaffUser user) {
            auditLog.recordSignOut(user.id(), user.displayName());
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String typed = String.valueOf(event.getAuthentication().getName());
        // A mistyped password can land in the username box: keep only what looks like a username.
        String name = typed.matches("[A-Za-z0-9._@-]{1,64}") ? "username '" + typed + "'" : "unreadable username";
        auditLog.recordSignIn(false, null, name);
    }
}
