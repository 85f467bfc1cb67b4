package app.thaw.waitlist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.waitlist.domain.OfferStore;
import app.thaw.waitlist.domain.WaitlistRows;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * A granted case's waiting-list entry as the staff paths work on it: locked first (entry, then offer, then time, as
 * everywhere), with both clients of a couple, and its open offer closed when a new one replaces it or staff withdraw
 * it.
 */
@Component
class WaitingEntries {

    private final WaitlistStore store;
    private final OfferStore offers;
    private final CaseAccess access;
    private final AuditLog auditLog;
    private final Clock clock;

    WaitingEntries(WaitlistStore store, OfferStore offers, CaseAccess access, AuditLog auditLog, Clock clock) {
        this.store = store;
        this.offers = offers;
        this.access = access;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The case's entry, locked; refused with the reason when the case is not (or no longer) waiting. */
    WaitlistRows.Entry lockWaiting(CaseGrant grant) {
        WaitlistRows.Entry found = store.entryOf(grant.intakeId())
                .orElseThrow(() -> new OfferRefused(grant.reference() + " is not on the waiting list."));
        WaitlistRows.Entry entry = store.lockEntry(found.id());
        if (!entry.waiting()) {
            throw new OfferRefused(grant.reference() + " is no longer on the waiting list.");
        }
        return entry;
    }

    /** The case's clients, first the entry's own, then the partner for a couple's joint sessions. */
    List<CaseGrant> clients(CaseGrant grant, WaitlistRows.Entry entry) {
        List<CaseGrant> clients = new ArrayList<>();
        clients.add(access.require(entry.intakeId(), grant.operation()));
        if (entry.partnerIntakeId() != null) {
            clients.add(access.require(entry.partnerIntakeId(), grant.operation()));
        }
        return clients;
    }

    /** Withdraws the entry's open offer, if it has one, and lets its times go. */
    void withdrawOpenOffer(WaitlistRows.Entry entry, Supplier<List<CaseGrant>> clients, String why) {
        offers.latestOffer(entry.id()).filter(WaitlistRows.Offer::open).ifPresent(open -> {
            WaitlistRows.Offer offer = offers.lockOffer(open.id());
            offers.close(offer.id(), "WITHDRAWN", clock.instant(), null, null);
            offers.releaseSlots(offer.id());
            for (CaseGrant client : clients.get()) {
                auditLog.record(AuditAction.OFFER_WITHDRAWN, client.intakeId(), client.reference(), why);
            }
        });
    }
}
