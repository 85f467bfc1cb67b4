package app.thaw.waitlist;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.waitlist.domain.WaitlistStore;

/** How times cancellations gave back reach the waiting list: off, suggested to staff, or offered at once. */
@Service
@Transactional(readOnly = true)
public class BackfillSettings {

    private final WaitlistStore store;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final Clock clock;

    BackfillSettings(WaitlistStore store, CurrentUser currentUser, AuditLog auditLog, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Whether the person is the practice manager (who sets how freed times are backfilled). */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public boolean managesPractice() {
        return currentUser.require().isAdmin();
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public BackfillMode backfillMode() {
        return BackfillMode.valueOf(store.settings().backfillMode());
    }

    /** The practice manager decides how freed times reach the waiting list; audited as a settings change. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void setBackfillMode(BackfillMode mode) {
        var current = store.settings();
        store.saveSettings(new WaitlistStore.Settings(mode.name(), current.backfillCases()), currentUser.require().id(),
                clock.instant());
        auditLog.record(AuditAction.SETTINGS_CHANGED, null, null, "Backfill from the waiting list: "
                + mode.label());
    }
}
