package app.thaw.waitlist;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.thaw.base.ids.StaffId;
import app.thaw.base.ids.OfferId;
import app.thaw.Application;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.notification.OfferEnding;
import app.thaw.notification.StaffNotices;
import app.thaw.review.CaseAssignments;
import app.thaw.security.SystemActor;
import app.thaw.waitlist.domain.OfferStore;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * An offer that ended without a booking, lapsed or lost to another case: its case's audit says so, and staff are told
 * (the assigned therapist, or the practice managers) so that the case gets new times. Runs in the caller's transaction.
 */
@Component
class OfferEndings {

    private final WaitlistStore store;
    private final OfferStore offers;
    private final CaseAccess access;
    private final StaffNotices notices;
    private final AuditLog auditLog;
    private final CaseAssignments assignments;

    OfferEndings(WaitlistStore store, OfferStore offers, CaseAccess access, StaffNotices notices, AuditLog auditLog,
                 CaseAssignments assignments) {
        this.store = store;
        this.offers = offers;
        this.access = access;
        this.notices = notices;
        this.auditLog = auditLog;
        this.assignments = assignments;
    }

    /** Records and tells that the offer ended, and why. */
    void ended(long offerId, long entryId, Instant heldUntil, OfferEnding ending) {
        store.entry(entryId).ifPresent(entry -> {
            CaseGrant told = null;
            for (Long id : new Long[] {entry.intakeId(), entry.partnerIntakeId()}) {
                if (id == null) {
                    continue;
                }
                var grant = access.check(id, CaseOperation.READ_BOOKING_DETAILS).orElse(null);
                if (grant != null) {
                    auditLog.record(switch (ending) {
                        case LAPSED -> AuditAction.OFFER_EXPIRED;
                        case TAKEN -> AuditAction.OFFER_TAKEN;
                        case THERAPIST_LEFT, ROOM_OUT_OF_USE, DIARY_CLOSED -> AuditAction.OFFER_WITHDRAWN;
                    }, grant.intakeId(), grant.reference(), switch (ending) {
                        case LAPSED -> "Nobody chose a time; the held times were released";
                        case TAKEN -> "Another waiting case chose the offered time first; the offer closed at once";
                        case THERAPIST_LEFT -> "Its therapist no longer sees clients here; the offered times were released";
                        case ROOM_OUT_OF_USE -> "Its room was taken out of use; the offered times were released";
                        case DIARY_CLOSED -> "The practice closed or the therapist is away then; the offered times "
                                + "were released";
                    });
                    told = told == null ? grant : told;
                }
            }
            if (told != null) {
                notices.offerEnded(told, OfferId.of(offerId), StaffId.ofNullable(assigneeOf(told)), ending,
                        heldUntil.atZone(Application.PRACTICE_ZONE));
            }
        });
    }

    // the grant is the proof of access; whoever ended the offer (a client, the expiry job) may hold no staff role
    private @Nullable Long assigneeOf(CaseGrant grant) {
        return SystemActor.call(() -> assignments.assigneeOf(grant)).orElse(null);
    }

    /** Closes the open offers left with nothing to choose (of this time, or all); returns how many. */
    int closeLost(@Nullable Long slotId, Instant now) {
        var lost = offers.closeLost(slotId, now);
        lost.forEach(ended -> ended(ended.offerId(), ended.entryId(), ended.heldUntil(), OfferEnding.TAKEN));
        return lost.size();
    }

    /**
     * Lets go of a departing therapist's held and freed times, and closes the open offers left with nothing to
     * choose. Skips rows a client's choice has locked: that choice then meets the database's refusal (V182), and the
     * expiry job lets go of what it leaves ({@link DepartingTherapist#letGoOfThoseWhoLeft}).
     */
    int letGoOf(long therapistId, Instant now) {
        return closeEmptied(offers.releaseTimesOf(therapistId), now, OfferEnding.THERAPIST_LEFT);
    }

    /** The same for the times held or freed in a room taken out of use. */
    int letGoOfRoom(long roomId, Instant now) {
        return closeEmptied(offers.releaseTimesIn(roomId), now, OfferEnding.ROOM_OUT_OF_USE);
    }

    /** The same for the times held or freed when the practice is closed or the therapist (null: anyone) is away. */
    int letGoOfClosedTime(@Nullable Long therapistId, Instant from, Instant to, Instant now) {
        return closeEmptied(offers.releaseTimesBetween(therapistId, from, to), now, OfferEnding.DIARY_CLOSED);
    }

    /** The same for these times, which the therapist's diary no longer allows. */
    int letGoOfTimes(java.util.List<Long> slotIds, Instant now) {
        return closeEmptied(offers.releaseTimes(slotIds), now, OfferEnding.DIARY_CLOSED);
    }

    private int closeEmptied(java.util.List<Long> released, Instant now, OfferEnding why) {
        var withdrawn = offers.closeEmptied(released, now);
        withdrawn.forEach(ended -> ended(ended.offerId(), ended.entryId(), ended.heldUntil(), why));
        return withdrawn.size();
    }
}
