package app.thaw.waitlist;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.security.Roles;
import app.thaw.waitlist.domain.OfferStore;
import app.thaw.waitlist.domain.WaitlistRows;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * The erasure path for the waiting list: nobody may contact an erased client, so their case (a couple's too, which
 * waits for both) leaves the list, its open offer is withdrawn with its held times back in the diary, and the client's
 * own offer links stop working; the partner left waiting alone goes back to their referral. Entries and offers themselves stay, without words, for the waits report.
 */
@Service
public class WaitlistErasure {

    private final WaitlistStore store;
    private final OfferStore offers;
    private final JdbcTemplate jdbc;
    private final LoneWaitingPartner lonePartner;
    private final Clock clock;

    WaitlistErasure(WaitlistStore store, OfferStore offers, JdbcTemplate jdbc, LoneWaitingPartner lonePartner,
                    Clock clock) {
        this.lonePartner = lonePartner;
        this.store = store;
        this.offers = offers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public void erase(CaseGrant grant) {
        long intakeId = grant.requireFor(CaseOperation.ERASE).intakeId();
        // entry, then offer, then times: the lock order of every other waiting-list path
        store.entryOf(intakeId).filter(WaitlistRows.Entry::waiting).map(found -> store.lockEntry(found.id()))
                .filter(WaitlistRows.Entry::waiting).ifPresent(entry -> {
                    offers.latestOffer(entry.id()).filter(WaitlistRows.Offer::open)
                            .map(open -> offers.lockOffer(open.id())).filter(WaitlistRows.Offer::open)
                            .ifPresent(open -> {
                                offers.close(open.id(), "WITHDRAWN", clock.instant(), null, null);
                                offers.releaseSlots(open.id());
                            });
                    store.leave(entry.id(), "REMOVED", clock.instant(), null);
                    lonePartner.placeLeft(entry, intakeId);
                });
        jdbc.update("delete from offer_link where intake_id = ?", intakeId);
    }
}
