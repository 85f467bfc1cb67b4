package app.thaw.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

import app.thaw.security.PendingSignIn;
import app.thaw.security.SecondFactorEvent;
import app.thaw.security.SignInPaused;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSessionTimedOut;
import app.thaw.security.StaffUser;

/** Every sign-in, successful or not, and every sign-out goes into the audit log. A failed one never records the password. */
@Component
class SignInAudit {

    private final AuditLog auditLog;
    private final StaffAccountService staffAccounts;

    SignInAudit(AuditLog auditLog, StaffAccountService staffAccounts) {
        this.auditLog = auditLog;
        this.staffAccounts = staffAccounts;
    }

    /** A full sign-in (password and second factor), or only its password step so far. */
    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffUser user) {
            auditLog.recordSignIn(true, user.id(), user.displayName());
        } else if (event.getAuthentication().getPrincipal() instanceof PendingSignIn pending) {
            auditLog.recordSignInStep(AuditAction.PASSWORD_ACCEPTED, pending.staffId(), pending.displayName(), null);
        }
    }

    /** Enrolment, wrong codes and recovery-code use name the staff member; a reset is the admin's action about them. */
    @EventListener
    void secondFactor(SecondFactorEvent event) {
        switch (event.kind()) {
            case ENROLLED -> auditLog.recordSignInStep(AuditAction.SECOND_FACTOR_ENROLLED, event.staffId(),
                    event.displayName(), null);
            case CODE_REFUSED -> auditLog.recordSignInStep(AuditAction.SECOND_FACTOR_FAILED, event.staffId(),
                    event.displayName(), null);
            case RECOVERY_CODE_USED -> auditLog.recordSignInStep(AuditAction.RECOVERY_CODE_USED, event.staffId(),
                    event.displayName(), event.detail());
            case RESET -> auditLog.record(AuditAction.SECOND_FACTOR_RESET, null, null,
                    "for " + event.displayName() + " (" + event.username() + ")");
        }
    }

    /** Signing out is part of the record too: it bounds when a staff member could have read anything. */
    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof StaffUser user) {
            auditLog.recordSignOut(user.id(), user.displayName(), null);
        }
    }

    /** A session left unused or at its lifetime ends on its own: the line says so, as nobody signed out. */
    @EventListener
    void timedOut(StaffSessionTimedOut timedOut) {
        auditLog.recordSignOut(timedOut.staffId(), timedOut.displayName(), timedOut.reason());
    }

    /** Names the account whose sign-in was paused; the tries themselves are already in the log. */
    @EventListener
    void paused(SignInPaused paused) {
        auditLog.recordSignInStep(AuditAction.SIGN_IN_PAUSED, paused.staffId(), paused.displayName(),
                (paused.oneKnownBrowser() ? "paused on one known browser until " : "paused until ")
                        + paused.until());
    }

    /**
     * Names the account only when the username matches one: what was typed never reaches the log (a password
     * typed into the username box, or guesses at colleagues' names, would otherwise be kept for years).
     */
    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String typed = String.valueOf(event.getAuthentication().getName());
        var account = staffAccounts.find(typed);
        if (account.isPresent()) {
            auditLog.recordSignIn(false, account.get().id(), account.get().displayName());
        } else {
            auditLog.recordSignIn(false, null, "an unknown username");
        }
    }
}
