package app.thaw.waitlist;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.security.SystemActor;
import app.thaw.waitlist.domain.OfferStore;
import app.thaw.waitlist.domain.WaitlistRows;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * Lets lapsed offers go: their held times return to the diary and staff see "offer lapsed" on the waiting list (and in
 * the case's audit). Any instance may run it; a transaction-scoped advisory lock lets one work at a time, and the
 * offers it takes are row-locked, so a client choosing at that moment either wins or is told the offer lapsed.
 */
@Component
class OfferExpiryJob {

    /** pg advisory lock key: "thawwait" as a number, shared by every instance. */
    static final long LOCK = 0x7468617777616974L;
    private static final int BATCH = 200;

    private final WaitlistStore store;
    private final OfferStore offers;
    private final CaseAccess access;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OfferExpiryJob(WaitlistStore store, OfferStore offers, CaseAccess access, AuditLog auditLog,
                   TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.offers = offers;
        this.access = access;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${thaw.waitlist.expiry-interval:1m}",
            initialDelayString = "${thaw.waitlist.expiry-interval:1m}")
    public void run() {
        expireDue(clock.instant());
    }

    /** Expires what is due at {@code now}; returns how many offers lapsed (0 when another instance is at it). */
    int expireDue(Instant now) {
        return SystemActor.call(() -> transactions.execute(status -> {
            if (!store.tryJobLock(LOCK)) {
                return 0;
            }
            int expired = 0;
            for (WaitlistRows.Offer offer : offers.lockDue(now, BATCH)) {
                offers.close(offer.id(), "EXPIRED", now, null, null);
                offers.releaseSlots(offer.id());
                store.entry(offer.entryId()).ifPresent(entry -> {
                    for (Long id : new Long[] {entry.intakeId(), entry.partnerIntakeId()}) {
                        if (id != null) {
                            access.check(id, CaseOperation.READ_BOOKING_DETAILS).ifPresent(grant -> auditLog.record(
                                    AuditAction.OFFER_EXPIRED, grant.intakeId(), grant.reference(),
                                    "Nobody chose a time; the held times were released"));
                        }
                    }
                });
                expired++;
            }
            return expired;
        }));
    }
}
