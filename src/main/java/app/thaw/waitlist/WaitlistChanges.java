package app.thaw.waitlist;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.waitlist.domain.WaitlistRows;
import app.thaw.waitlist.domain.WaitlistStore;

/** Staff changes to a waiting case other than offering times: withdrawing its offer, what it waits for. */
@Service
public class WaitlistChanges {

    private final WaitlistStore store;
    private final WaitingEntries entries;
    private final CaseAccess access;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;

    private final StaffAccountService staff;

    WaitlistChanges(WaitlistStore store, WaitingEntries entries, CaseAccess access, AuditLog auditLog,
                    TransactionTemplate transactions, StaffAccountService staff) {
        this.staff = staff;
        this.store = store;
        this.entries = entries;
        this.access = access;
        this.auditLog = auditLog;
        this.transactions = transactions;
    }

    /** Withdraws the case's open offer and lets its times go. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.BOOK_SESSION)
    public void withdraw(IntakeId intakeId) {
        CaseGrant grant = access.require(intakeId, CaseOperation.BOOK_SESSION);
        transactions.executeWithoutResult(status -> {
            WaitlistRows.Entry entry = entries.lockWaiting(grant);
            entries.withdrawOpenOffer(entry, () -> entries.clients(grant, entry), "Withdrawn by staff");
        });
    }

    /** Whom a case may wait for: every therapist who sees clients here. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public java.util.List<app.thaw.security.StaffSummary> therapistsToWaitFor() {
        return staff.activeTherapists();
    }

    /** Changes what the case waits for: the format (null: either) and a preferred therapist (null: anyone). */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.BOOK_SESSION)
    public void setPreferences(IntakeId intakeId, @Nullable SessionFormat format, @Nullable StaffId therapistId) {
        CaseGrant grant = access.require(intakeId, CaseOperation.BOOK_SESSION);
        String therapist = therapistId == null ? "any therapist" : staff.activeTherapists().stream()
                .filter(t -> t.id() == therapistId.value()).map(t -> t.displayName()).findFirst()
                .orElseThrow(() -> new OfferRefused("Choose a therapist who sees clients here, or anyone."));
        transactions.executeWithoutResult(status -> {
            WaitlistRows.Entry entry = entries.lockWaiting(grant);
            store.setDetails(entry.id(), format == null ? null : format.name(), StaffId.numberOf(therapistId));
            auditLog.record(AuditAction.WAITLIST_CHANGED, grant.intakeId(), grant.reference(), "Waits for: "
                    + (format == null ? "either format" : format.label().toLowerCase(java.util.Locale.UK)) + ", "
                    + therapist);
        });
    }
}
