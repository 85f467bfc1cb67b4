package app.thaw.waitlist;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffDepartures;
import app.thaw.security.SystemActor;
import app.thaw.waitlist.domain.OfferStore;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * A therapist who leaves (or takes another role) sees no one any more: the times held in their diary for waiting
 * clients go back, an offer left with nothing to choose is withdrawn (its case's staff told, so it gets new times),
 * and cases that waited for them wait for anyone, rather than for a time or a person that can never come.
 */
@Component
class DepartingTherapist implements StaffDepartures {

    private final OfferEndings endings;
    private final WaitlistStore store;
    private final OfferStore offers;
    private final StaffAccountService staff;
    private final CaseAccess access;
    private final AuditLog auditLog;
    private final Clock clock;

    DepartingTherapist(OfferEndings endings, WaitlistStore store, OfferStore offers, StaffAccountService staff,
                       CaseAccess access, AuditLog auditLog, Clock clock) {
        this.endings = endings;
        this.store = store;
        this.offers = offers;
        this.staff = staff;
        this.access = access;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void letGo(long staffId) {
        // the cases are not the practice manager's to read: the audit and the notices are written as the system
        SystemActor.run(() -> {
            endings.letGoOf(staffId, clock.instant());
            for (var entry : store.forgetPreferenceFor(staffId)) {
                for (Long client : new Long[] {entry.intakeId(), entry.partnerIntakeId()}) {
                    if (client != null) {
                        access.check(client, CaseOperation.READ_BOOKING_DETAILS).ifPresent(grant -> auditLog.record(
                                AuditAction.WAITLIST_CHANGED, grant.intakeId(), grant.reference(), "The therapist "
                                        + "they waited for no longer sees clients here: now waiting for any therapist"));
                    }
                }
            }
        });
    }

    /**
     * Lets go of what a departure skipped because a client's choice had it locked at that moment and then failed:
     * the expiry job's sweep, so nothing waits on someone who has left for longer than a minute. Returns the leavers.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int letGoOfThoseWhoLeft() {
        return SystemActor.call(() -> {
            List<Long> named = offers.stillNamed(staff.notSeeingClients());
            named.forEach(this::letGo);
            return named.size();
        });
    }
}
