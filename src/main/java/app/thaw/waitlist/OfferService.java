package app.thaw.waitlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.database.DatabaseRefusals;
import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.IntakeId;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.GateRefusal;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;
import app.thaw.waitlist.domain.WaitlistRows;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * Offers held times to a waiting case. The times are held at once (the diary's no-double-booking constraint counts
 * them, so nobody else can book them) until the offer closes; each client of the case gets a private link, by email
 * where they chose email, and always on their status page. A newer offer replaces the open one. Freed times and the
 * automatic backfill: {@link FreedTimeOffers}; withdrawing and preferences: {@link WaitlistChanges}.
 */
@Service
public class OfferService {

    /** How many times one offer may hold: enough choice without emptying a therapist's week. */
    public static final int MAX_TIMES = 6;
    public static final int MAX_HOLD_HOURS = 168;
    /**
     * How long before it starts a time can still be chosen: with less notice a client could not reasonably get ready,
     * travel or arrange to be free, so a time is not offered or shown that close, and a hold ends this long before its
     * last time.
     */
    public static final Duration CHOOSING_LEAD = Duration.ofHours(2);
    private final OfferHolds held;
    private final WaitingEntries entries;
    private final FreedTimeOffers freed;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration defaultHold;

    OfferService(OfferHolds held, WaitingEntries entries, FreedTimeOffers freed, CaseAccess access,
                 CurrentUser currentUser, TransactionTemplate transactions, Clock clock,
                 @Value("${thaw.waitlist.hold:PT48H}") Duration defaultHold) {
        this.held = held;
        this.entries = entries;
        this.freed = freed;
        this.access = access;
        this.currentUser = currentUser;
        this.transactions = transactions;
        this.clock = clock;
        this.defaultHold = defaultHold;
    }

    /** The hold the practice gives an offer unless staff choose another. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public int defaultHoldHours() {
        return (int) defaultHold.toHours();
    }

    /**
     * Holds {@code times} for the case and offers them; {@code holdHours} null means the practice's default (48 h), cut
     * short to end {@link #CHOOSING_LEAD} before the last time starts. Refused with the reason when the case is not
     * waiting, a safety gate stands, a time starts too soon to choose, or a time was taken meanwhile.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.BOOK_SESSION)
    public OfferMade offer(IntakeId intakeId, List<OfferedTime> times, @Nullable Integer holdHours) {
        CaseGrant grant = access.require(intakeId, CaseOperation.BOOK_SESSION);
        StaffUser me = currentUser.require();
        if (times == null || times.isEmpty() || times.size() > MAX_TIMES) {
            throw new OfferRefused("Choose between 1 and " + MAX_TIMES + " times to offer.");
        }
        int hours = holdHours == null ? defaultHoldHours() : holdHours;
        if (hours < 1 || hours > MAX_HOLD_HOURS) {
            throw new OfferRefused("Hold the times for 1 to " + MAX_HOLD_HOURS + " hours.");
        }
        Instant now = clock.instant();
        for (OfferedTime time : times) {
            if (!me.isAdmin() && time.therapistId() != me.id()) {
                throw new OfferRefused("You can offer times in your own diary only.");
            }
            if (!time.start().toInstant().isAfter(now) || !time.start().isBefore(time.end())) {
                throw new OfferRefused("A time offered has already passed. Please find times again.");
            }
            if (!choosable(time.start().toInstant(), now)) {
                throw new OfferRefused("A time offered starts within the next " + CHOOSING_LEAD.toHours()
                        + " hours, too soon for the client to choose it. Untick it, or book it with the client "
                        + "directly.");
            }
            if ((time.format() == SessionFormat.IN_PERSON) != (time.roomId() != null)) {
                throw new OfferRefused("An in-person time needs a room; an online one none.");
            }
            if (times.stream().anyMatch(other -> other != time && other.start().isBefore(time.end())
                    && time.start().isBefore(other.end()))) {
                throw new OfferRefused("Times offered together are all held at once, so they must not overlap. "
                        + "Untick one of the overlapping times.");
            }
        }
        try {
            // one transaction for the therapists' hours, the gates and the writes
            return transactions.execute(status -> {
                held.requireWorkingHours(times);
                Waiting waiting = replaceOpenOffer(grant);
                return held.hold(waiting.entry(), waiting.clients(), me.id(), times, now,
                        holdEnds(now, Duration.ofHours(hours), times.stream().map(t -> t.start().toInstant())
                                .max(Instant::compareTo).orElseThrow()));
            });
        } catch (DataIntegrityViolationException taken) {
            throw refused(taken, "One of those times was taken a moment ago (a session or another offer). "
                    + "Please find times again.");
        }
    }

    /**
     * Offers a time a cancellation freed to one waiting case: the one click on the waiting list's suggestion. The time
     * is held from now on like any offered time.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.BOOK_SESSION)
    public OfferMade offerFreed(IntakeId intakeId, HeldSlotId freedSlotId) {
        CaseGrant grant = access.require(intakeId, CaseOperation.BOOK_SESSION);
        StaffUser me = currentUser.require();
        try {
            return transactions.execute(status -> {
                WaitlistRows.Slot slot = held.lockSlot(freedSlotId.value()).filter(s -> "FREED".equals(s.state()))
                        .orElseThrow(() -> new OfferRefused("That freed time has already been offered or booked."));
                if (!me.isAdmin() && slot.therapistId() != me.id()) {
                    throw new OfferRefused("You can offer times in your own diary only.");
                }
                WaitlistRows.Entry entry = replaceOpenOffer(grant).entry();
                return freed.holdAndOffer(slot, List.of(entry), me.id()).getFirst();
            });
        } catch (DataIntegrityViolationException taken) {
            throw refused(taken, "That time was booked a moment ago. It is no longer free to offer.");
        }
    }

    /** Whether a time starting at {@code start} can still be chosen at {@code now}. */
    static boolean choosable(Instant start, Instant now) {
        return start.isAfter(now.plus(CHOOSING_LEAD));
    }

    /** The hold asked for, but never past the moment the last time offered stops being choosable. */
    static Instant holdEnds(Instant now, Duration hold, Instant lastStart) {
        Instant asked = now.plus(hold);
        Instant lastChoice = lastStart.minus(CHOOSING_LEAD);
        return asked.isBefore(lastChoice) ? asked : lastChoice;
    }

    // the database holds a time only in the diary of someone still with the practice (V184)
    private static OfferRefused refused(DataIntegrityViolationException refusal, String otherwise) {
        return new OfferRefused(DatabaseRefusals.refusedWith(refusal, DatabaseRefusals.CHECK_VIOLATION,
                "the therapist of this time is no longer active")
                ? "A therapist of those times no longer sees clients here (their account was deactivated or their "
                        + "role changed). Please find times with another therapist."
                : otherwise);
    }

    private record Waiting(WaitlistRows.Entry entry, List<CaseGrant> clients) {
    }

    /** The case's place on the list, locked, once the safety gates allow booking it; its earlier offer withdrawn. */
    private Waiting replaceOpenOffer(CaseGrant grant) {
        WaitlistRows.Entry entry = entries.lockWaiting(grant);
        List<CaseGrant> clients = entries.clients(grant, entry);
        GateRefusal gate = access.bookingGate(clients, clients.size() > 1).orElse(null);
        if (gate != null) {
            throw new OfferRefused(gate.message());
        }
        entries.withdrawOpenOffer(entry, () -> clients, "Replaced by a new offer");
        return new Waiting(entry, clients);
    }

    static long typeId(WaitlistStore store, ServiceType service) {
        return store.sessionTypeId(service.sessionTypeCode());
    }
}
