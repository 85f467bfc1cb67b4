package app.thaw.waitlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.ids.StaffId;
import app.thaw.Application;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.ClientContact;
import app.thaw.intake.ClientContacts;
import app.thaw.scheduling.HeldBookings;
import app.thaw.scheduling.SessionFormat;
import app.thaw.waitlist.domain.OfferStore;
import app.thaw.waitlist.domain.WaitlistListing;
import app.thaw.waitlist.domain.WaitlistRows;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * Times cancellations gave back, offered to waiting cases: which cases a freed time suits best, and holding it for one
 * case (staff's one click, through {@link OfferService#offerFreed}) or for several at once (the automatic backfill,
 * where the first to choose books it).
 */
@Component
class FreedTimeOffers {

    private final WaitlistStore store;
    private final WaitlistListing listing;
    private final OfferStore offers;
    private final OfferLinks links;
    private final CaseAccess access;
    private final ClientContacts contacts;
    private final HeldBookings diary;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration defaultHold;

    FreedTimeOffers(WaitlistStore store, WaitlistListing listing, OfferStore offers, OfferLinks links,
                    CaseAccess access, ClientContacts contacts, HeldBookings diary, AuditLog auditLog,
                    TransactionTemplate transactions, Clock clock,
                    @Value("${thaw.waitlist.hold:PT48H}") Duration defaultHold) {
        this.store = store;
        this.listing = listing;
        this.offers = offers;
        this.links = links;
        this.access = access;
        this.contacts = contacts;
        this.diary = diary;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
        this.defaultHold = defaultHold;
    }

    /**
     * The automatic backfill: offers a freed time at once to the best-fitting waiting cases (urgent first, then longest
     * waiting); the first to choose books it. Runs as the system, in its own transaction. Returns the offers made.
     */
    List<OfferMade> offerToBestFits(long freedSlotId, int cases, List<Long> excluded) {
        return transactions.execute(status -> {
            WaitlistRows.Slot slot = offers.lockSlot(freedSlotId).filter(s -> "FREED".equals(s.state())).orElse(null);
            if (slot == null) {
                return List.of();
            }
            List<WaitlistRows.Entry> fits = bestFits(slot, cases, excluded, null);
            return fits.isEmpty() ? List.of() : holdAndOffer(slot, fits, null);
        });
    }

    /**
     * The waiting cases a freed time suits best: service, format, therapist, stated availability, no gate; for a
     * therapist ({@code visibleTo}), among the cases she may book.
     */
    List<WaitlistRows.Entry> bestFits(WaitlistRows.Slot slot, int cases, List<Long> excluded,
                                      @Nullable Long visibleTo) {
        if (diary.unavailable(StaffId.of(slot.therapistId()), slot.startsAt(), slot.endsAt()).isPresent()) {
            // the therapist is away or the practice closed since the session was booked: nothing to offer
            return List.of();
        }
        String service = slot.typeId() == OfferService.typeId(store, ServiceType.COUPLES) ? "COUPLES" : "INDIVIDUAL";
        ZonedDateTime start = slot.startsAt().atZone(Application.PRACTICE_ZONE);
        List<WaitlistRows.Entry> fits = new ArrayList<>();
        for (WaitlistRows.Entry entry : listing.candidates(service, slot.format(), slot.therapistId(), visibleTo,
                excluded, 50)) {
            // a colleague's waiting case left out of a therapist's suggestions is not a refusal worth auditing
            List<CaseGrant> clients = access.allowedAmong(entry.partnerIntakeId() == null ? List.of(entry.intakeId())
                    : List.of(entry.intakeId(), entry.partnerIntakeId()), CaseOperation.BOOK_SESSION);
            boolean complete = clients.size() == (entry.partnerIntakeId() == null ? 1 : 2);
            if (complete && clients.stream().allMatch(c -> suits(contacts.contact(c), start))
                    && access.bookingGate(clients, clients.size() > 1).isEmpty()) {
                fits.add(entry);
                if (fits.size() == cases) {
                    break;
                }
            }
        }
        return fits;
    }

    /** Whether a client said this day and part of the day suit them; nothing ticked means any. */
    static boolean suits(ClientContact contact, ZonedDateTime start) {
        String day = start.getDayOfWeek().name().toLowerCase(Locale.ROOT);
        int hour = start.getHour();
        String part = hour < 12 ? "morning" : hour < 17 ? "afternoon" : "evening";
        return (contact.availableDays().isEmpty() || contact.availableDays().contains(day))
                && (contact.availableTimes().isEmpty() || contact.availableTimes().contains(part));
    }

    /** Holds a freed time and offers it to each of these cases, each with its own links (caller's transaction). */
    List<OfferMade> holdAndOffer(WaitlistRows.Slot slot, List<WaitlistRows.Entry> entries, @Nullable Long by) {
        Instant now = clock.instant();
        if (!OfferService.choosable(slot.startsAt(), now)) {
            throw new OfferRefused("That freed time starts within the next " + OfferService.CHOOSING_LEAD.toHours()
                    + " hours, too soon for a client to choose it.");
        }
        Instant until = OfferService.holdEnds(now, defaultHold, slot.startsAt());
        if (!offers.hold(slot.id(), until)) {
            throw new OfferRefused("That freed time has already been offered or booked.");
        }
        ZonedDateTime start = slot.startsAt().atZone(Application.PRACTICE_ZONE);
        var time = new OfferedTime(slot.therapistId(), SessionFormat.valueOf(slot.format()), slot.roomId(), start,
                slot.endsAt().atZone(Application.PRACTICE_ZONE));
        List<OfferMade> made = new ArrayList<>();
        for (WaitlistRows.Entry entry : entries) {
            long offerId = offers.insertOffer(entry.id(), by, until, now, true);
            offers.offerSlot(offerId, slot.id());
            List<CaseGrant> clients = new ArrayList<>();
            for (Long id : new Long[] {entry.intakeId(), entry.partnerIntakeId()}) {
                if (id != null) {
                    clients.add(access.require(id, CaseOperation.BOOK_SESSION));
                }
            }
            int emailed = links.issue(offerId, clients, List.of(time), until);
            for (CaseGrant client : clients) {
                auditLog.record(AuditAction.OFFER_MADE, client.intakeId(), client.reference(), "A time freed by a "
                        + "cancellation, " + OfferLinks.WHEN.format(start) + ", held until "
                        + OfferLinks.WHEN.format(until.atZone(Application.PRACTICE_ZONE)) + " (offered to "
                        + entries.size() + (entries.size() == 1 ? " case)" : " cases; the first to choose books it)"));
            }
            made.add(new OfferMade(offerId, 1, until, emailed));
        }
        return made;
    }
}
