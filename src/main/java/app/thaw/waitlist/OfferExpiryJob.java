package app.thaw.waitlist;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.notification.OfferEnding;
import app.thaw.security.SystemActor;
import app.thaw.waitlist.domain.OfferStore;
import app.thaw.waitlist.domain.WaitlistRows;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * Lets lapsed offers go: their held times return to the diary, the case's audit says so and staff are emailed (the
 * assigned therapist, or the practice managers); offers another case's choice left empty close too, and what a
 * therapist's departure or a room's closing skipped goes as they would have let it go. Any instance may run it; a
 * transaction-scoped advisory lock lets one work at a time, and the offers it takes are row-locked, so a client
 * choosing at that moment either wins or is told the offer lapsed.
 */
@Component
class OfferExpiryJob {

    /** pg advisory lock key: "thawwait" as a number, shared by every instance. */
    static final long LOCK = 0x7468617777616974L;
    private static final int BATCH = 200;

    private final WaitlistStore store;
    private final OfferStore offers;
    private final OfferEndings endings;
    private final DepartingTherapist departures;
    private final ClosingRoom closedRooms;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OfferExpiryJob(WaitlistStore store, OfferStore offers, OfferEndings endings, DepartingTherapist departures,
                   ClosingRoom closedRooms, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.offers = offers;
        this.endings = endings;
        this.departures = departures;
        this.closedRooms = closedRooms;
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
                endings.ended(offer.id(), offer.entryId(), offer.expiresAt(), OfferEnding.LAPSED);
                expired++;
            }
            // offers another case's choice left empty, should one have slipped past the choice's own closing
            endings.closeLost(null, now);
            departures.letGoOfThoseWhoLeft();
            closedRooms.letGoOfRoomsOutOfUse();
            return expired;
        }));
    }
}
