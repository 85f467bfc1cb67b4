package app.thaw.waitlist;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.thaw.Application;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.ids.StaffId;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.scheduling.HeldBookings;
import app.thaw.waitlist.domain.OfferStore;
import app.thaw.waitlist.domain.WaitlistRows;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * The times of one offer held in the diary (counted by the no-double-booking constraints until they expire or one is
 * chosen), each client sent their own link, and the offer on record. Runs inside the offer's transaction.
 */
@Component
class OfferHolds {

    private final WaitlistStore store;
    private final OfferStore offers;
    private final OfferLinks links;
    private final AuditLog auditLog;
    private final HeldBookings diary;

    OfferHolds(WaitlistStore store, OfferStore offers, OfferLinks links, AuditLog auditLog, HeldBookings diary) {
        this.store = store;
        this.offers = offers;
        this.links = links;
        this.auditLog = auditLog;
        this.diary = diary;
    }

    /** Refuses, with the diary's reason, a time outside its therapist's hours or in their time away. */
    void requireWorkingHours(List<OfferedTime> times) {
        for (OfferedTime time : times) {
            var away = diary.unavailable(StaffId.of(time.therapistId()), time.start().toInstant(),
                    time.end().toInstant());
            if (away.isPresent()) {
                throw new OfferRefused(away.get() + " Please find times again.");
            }
        }
    }

    OfferMade hold(WaitlistRows.Entry entry, List<CaseGrant> clients, long staffId, List<OfferedTime> times,
                   Instant now, Instant expires) {
        long offerId = offers.insertOffer(entry.id(), staffId, expires, now, false);
        long typeId = OfferService.typeId(store, ServiceType.valueOf(entry.service()));
        List<OfferedTime> sorted = times.stream().sorted(Comparator.comparing(OfferedTime::start)).toList();
        for (OfferedTime time : sorted) {
            Instant start = time.start().toInstant();
            long slot = offers.insertSlot(time.therapistId(), time.roomId(), typeId, time.format().name(),
                    start, time.end().toInstant(), expires.isBefore(start) ? expires : start, null, now);
            offers.offerSlot(offerId, slot);
        }
        int emailed = links.issue(offerId, clients, sorted, expires);
        auditLog.recordAll(AuditAction.OFFER_MADE, clients, sorted.size() + " times held until "
                + OfferLinks.WHEN.format(expires.atZone(Application.PRACTICE_ZONE)));
        return new OfferMade(offerId, sorted.size(), expires, emailed);
    }

    Optional<WaitlistRows.Slot> lockSlot(long slotId) {
        return offers.lockSlot(slotId);
    }
}
