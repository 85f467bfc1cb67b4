package app.thaw.waitlist;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.care.CaseStatusChanged;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.ClientContact;
import app.thaw.intake.IntakeStatus;
import app.thaw.intake.RequestedType;
import app.thaw.intake.ClientContacts;
import app.thaw.security.SystemActor;
import app.thaw.waitlist.domain.OfferStore;
import app.thaw.waitlist.domain.WaitlistRows;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * Keeps the list in step with the course of care, in the same transaction as the change: a case put on the waiting list
 * joins it (a couple's case once, with both partners); a case booked by hand, closed or reopened leaves it, and its
 * open offer is withdrawn so its held times go back to the diary. A couple's place goes when either partner's case
 * closes, even one never listed themselves. Whoever closed the case knows: nobody is emailed about the offer. A
 * partner left waiting alone leaves too ({@link LoneWaitingPartner}).
 */
@Component
class WaitlistEvents {

    private final WaitlistStore store;
    private final OfferStore offers;
    private final CaseAccess access;
    private final ClientContacts contacts;
    private final AuditLog auditLog;
    private final LoneWaitingPartner lonePartner;
    private final Clock clock;

    WaitlistEvents(WaitlistStore store, OfferStore offers, CaseAccess access, ClientContacts contacts,
                   AuditLog auditLog, LoneWaitingPartner lonePartner, Clock clock) {
        this.lonePartner = lonePartner;
        this.store = store;
        this.offers = offers;
        this.access = access;
        this.contacts = contacts;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @EventListener
    void on(CaseStatusChanged changed) {
        if (changed.to() == IntakeStatus.WAITING) {
            SystemActor.run(() -> join(changed.intakeId()));
        } else if (changed.from() == IntakeStatus.WAITING || changed.to() == IntakeStatus.CLOSED) {
            // a closed partner's couple place may be held under the other partner, whose own status still says waiting
            SystemActor.run(() -> leave(changed.intakeId(), changed.to() == IntakeStatus.SCHEDULED ? "BOOKED"
                    : "REMOVED"));
        }
    }

    private void join(long intakeId) {
        if (store.entryOf(intakeId).filter(WaitlistRows.Entry::waiting).isPresent()) {
            return;
        }
        CaseGrant grant = access.require(intakeId, CaseOperation.READ_BOOKING_DETAILS);
        ClientContact contact = contacts.contact(grant);
        // a partner whose case has closed waits for nothing: the one put back on the list waits alone
        List<CaseGrant> partners = access.partners(grant, CaseOperation.READ_BOOKING_DETAILS).stream()
                .filter(partner -> !partner.facts().closed()).toList();
        boolean couple = !partners.isEmpty() && contact.requestedType() != RequestedType.INDIVIDUAL;
        Long partner = couple ? partners.getFirst().intakeId() : null;
        if (partner != null && store.entryOf(partner).filter(WaitlistRows.Entry::waiting).isPresent()) {
            return;
        }
        store.upsertWaiting(intakeId, partner, couple ? "COUPLES" : "INDIVIDUAL", format(contact.preferredFormat()),
                grant.facts().urgent(), clock.instant());
    }

    private void leave(long intakeId, String state) {
        store.entryOf(intakeId).filter(WaitlistRows.Entry::waiting).ifPresent(entry -> {
            if (store.leave(entry.id(), state, clock.instant(), null)) {
                lonePartner.placeLeft(entry, null);
            }
            offers.latestOffer(entry.id()).filter(WaitlistRows.Offer::open).ifPresent(offer -> {
                offers.close(offer.id(), "WITHDRAWN", clock.instant(), null, null);
                offers.releaseSlots(offer.id());
                // the offer went to both partners of a couple: both cases' audits say it was withdrawn
                for (Long client : new Long[] {entry.intakeId(), entry.partnerIntakeId()}) {
                    if (client != null) {
                        CaseGrant grant = access.require(client, CaseOperation.READ_BOOKING_DETAILS);
                        auditLog.record(AuditAction.OFFER_WITHDRAWN, grant.intakeId(), grant.reference(),
                                "BOOKED".equals(state) ? "A session was booked by hand"
                                        : "The case left the waiting list");
                    }
                }
            });
        });
    }

    private static @Nullable String format(@Nullable String preferred) {
        return preferred == null ? null : switch (preferred) {
            case "in_person" -> "IN_PERSON";
            case "online" -> "ONLINE";
            default -> null;
        };
    }
}
