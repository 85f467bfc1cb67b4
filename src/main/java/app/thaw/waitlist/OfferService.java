package app.thaw.waitlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.Application;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.domain.SecretToken;
import app.thaw.base.web.PublicUrl;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.GateRefusal;
import app.thaw.intake.ClientContact;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.notification.ClientEmails;
import app.thaw.scheduling.HeldBookings;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;
import app.thaw.waitlist.domain.WaitlistRows;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * Offers held times to a waiting case. The times are held at once (the diary's no-double-booking constraint counts
 * them, so nobody else can book them) until the offer closes; each client of the case gets a private link, by email
 * where they chose email, and always on their status page. A newer offer replaces the open one.
 */
@Service
public class OfferService {

    /** How many times one offer may hold: enough choice without emptying a therapist's week. */
    public static final int MAX_TIMES = 6;
    public static final int MAX_HOLD_HOURS = 168;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);

    private final WaitlistStore store;
    private final CaseAccess access;
    private final SubmittedIntakes intakes;
    private final ClientEmails emails;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration defaultHold;
    private final PublicUrl publicUrl;
    private final HeldBookings diary;

    OfferService(WaitlistStore store, CaseAccess access, SubmittedIntakes intakes, ClientEmails emails,
                 AuditLog auditLog, CurrentUser currentUser, TransactionTemplate transactions, Clock clock,
                 @Value("${thaw.waitlist.hold:PT48H}") Duration defaultHold, PublicUrl publicUrl,
                 HeldBookings diary) {
        this.diary = diary;
        this.store = store;
        this.access = access;
        this.intakes = intakes;
        this.emails = emails;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.transactions = transactions;
        this.clock = clock;
        this.defaultHold = defaultHold;
        this.publicUrl = publicUrl;
    }

    /** The hold the practice gives an offer unless staff choose another. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public int defaultHoldHours() {
        return (int) defaultHold.toHours();
    }

    /**
     * Holds {@code times} for the case and offers them; {@code holdHours} null means the practice's default (48 h).
     * Refused with the reason when the case is not waiting, a safety gate stands, or a time was taken meanwhile.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.BOOK_SESSION)
    public OfferMade offer(long intakeId, List<OfferedTime> times, @Nullable Integer holdHours) {
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
            if ((time.format() == SessionFormat.IN_PERSON) != (time.roomId() != null)) {
                throw new OfferRefused("An in-person time needs a room; an online one none.");
            }
            var away = diary.unavailable(time.therapistId(), time.start().toInstant(), time.end().toInstant());
            if (away.isPresent()) {
                throw new OfferRefused(away.get() + " Please find times again.");
            }
            if (times.stream().anyMatch(other -> other != time && other.start().isBefore(time.end())
                    && time.start().isBefore(other.end()))) {
                throw new OfferRefused("Times offered together are all held at once, so they must not overlap. "
                        + "Untick one of the overlapping times.");
            }
        }
        try {
            return transactions.execute(status -> {
                WaitlistRows.Entry entry = waitingEntry(grant);
                List<CaseGrant> clients = clients(grant, entry);
                GateRefusal gate = access.bookingGate(clients, clients.size() > 1).orElse(null);
                if (gate != null) {
                    throw new OfferRefused(gate.message());
                }
                store.latestOffer(entry.id()).filter(WaitlistRows.Offer::open).ifPresent(old -> close(old, clients,
                        "WITHDRAWN", "Replaced by a new offer"));
                Instant expires = now.plus(Duration.ofHours(hours));
                long offerId = store.insertOffer(entry.id(), me.id(), expires, now, false);
                long typeId = typeId(store, ServiceType.valueOf(entry.service()));
                List<OfferedTime> sorted = times.stream().sorted(Comparator.comparing(OfferedTime::start)).toList();
                for (OfferedTime time : sorted) {
                    Instant start = time.start().toInstant();
                    long slot = store.insertSlot(time.therapistId(), time.roomId(), typeId, time.format().name(), start,
                            time.end().toInstant(), expires.isBefore(start) ? expires : start, null, now);
                    store.offerSlot(offerId, slot);
                }
                int emailed = issueLinks(offerId, clients, sorted, expires);
                for (CaseGrant client : clients) {
                    auditLog.record(AuditAction.OFFER_MADE, client.intakeId(), client.reference(), sorted.size()
                            + " times held until " + WHEN.format(expires.atZone(Application.PRACTICE_ZONE)));
                }
                return new OfferMade(offerId, sorted.size(), expires, emailed);
            });
        } catch (DataIntegrityViolationException taken) {
            throw new OfferRefused("One of those times was taken a moment ago (a session or another offer). "
                    + "Please find times again.");
        }
    }

    /**
     * Offers a time a cancellation freed to one waiting case: the one click on the waiting list's suggestion. The time
     * is held from now on like any offered time.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.BOOK_SESSION)
    public OfferMade offerFreed(long intakeId, long freedSlotId) {
        CaseGrant grant = access.require(intakeId, CaseOperation.BOOK_SESSION);
        StaffUser me = currentUser.require();
        try {
            return transactions.execute(status -> {
                WaitlistRows.Slot slot = store.lockSlot(freedSlotId).filter(s -> "FREED".equals(s.state()))
                        .orElseThrow(() -> new OfferRefused("That freed time has already been offered or booked."));
                if (!me.isAdmin() && slot.therapistId() != me.id()) {
                    throw new OfferRefused("You can offer times in your own diary only.");
                }
                WaitlistRows.Entry entry = waitingEntry(grant);
                List<CaseGrant> clients = clients(grant, entry);
                GateRefusal gate = access.bookingGate(clients, clients.size() > 1).orElse(null);
                if (gate != null) {
                    throw new OfferRefused(gate.message());
                }
                store.latestOffer(entry.id()).filter(WaitlistRows.Offer::open).ifPresent(old -> close(old, clients,
                        "WITHDRAWN", "Replaced by a new offer"));
                return holdAndOffer(slot, List.of(entry), me.id()).getFirst();
            });
        } catch (DataIntegrityViolationException taken) {
            throw new OfferRefused("That time was booked a moment ago. It is no longer free to offer.");
        }
    }

    /**
     * The automatic backfill: offers a freed time at once to the best-fitting waiting cases (urgent first, then longest
     * waiting); the first to choose books it. Runs as the system, in its own transaction. Returns the offers made.
     */
    List<OfferMade> offerFreedToBestFits(long freedSlotId, int cases, List<Long> excluded) {
        return transactions.execute(status -> {
            WaitlistRows.Slot slot = store.lockSlot(freedSlotId).filter(s -> "FREED".equals(s.state())).orElse(null);
            if (slot == null) {
                return List.of();
            }
            List<WaitlistRows.Entry> fits = bestFits(slot, cases, excluded);
            return fits.isEmpty() ? List.of() : holdAndOffer(slot, fits, null);
        });
    }

    /** The waiting cases a freed time suits best: service, format, therapist, stated availability, no gate. */
    List<WaitlistRows.Entry> bestFits(WaitlistRows.Slot slot, int cases, List<Long> excluded) {
        if (diary.unavailable(slot.therapistId(), slot.startsAt(), slot.endsAt()).isPresent()) {
            // the therapist is away or the practice closed since the session was booked: nothing to offer
            return List.of();
        }
        String service = slot.typeId() == typeId(store, ServiceType.COUPLES) ? "COUPLES" : "INDIVIDUAL";
        java.time.ZonedDateTime start = slot.startsAt().atZone(Application.PRACTICE_ZONE);
        List<WaitlistRows.Entry> fits = new ArrayList<>();
        for (WaitlistRows.Entry entry : store.candidates(service, slot.format(), slot.therapistId(), excluded, 50)) {
            List<CaseGrant> clients = new ArrayList<>();
            for (Long id : new Long[] {entry.intakeId(), entry.partnerIntakeId()}) {
                if (id != null) {
                    access.check(id, CaseOperation.BOOK_SESSION).ifPresent(clients::add);
                }
            }
            boolean complete = clients.size() == (entry.partnerIntakeId() == null ? 1 : 2);
            if (complete && clients.stream().allMatch(c -> suits(intakes.contact(c), start))
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
    static boolean suits(ClientContact contact, java.time.ZonedDateTime start) {
        String day = start.getDayOfWeek().name().toLowerCase(Locale.ROOT);
        int hour = start.getHour();
        String part = hour < 12 ? "morning" : hour < 17 ? "afternoon" : "evening";
        return (contact.availableDays().isEmpty() || contact.availableDays().contains(day))
                && (contact.availableTimes().isEmpty() || contact.availableTimes().contains(part));
    }

    /** Holds a freed time and offers it to each of these cases, each with its own links. */
    private List<OfferMade> holdAndOffer(WaitlistRows.Slot slot, List<WaitlistRows.Entry> entries, @Nullable Long by) {
        Instant now = clock.instant();
        Instant until = now.plus(defaultHold).isBefore(slot.startsAt()) ? now.plus(defaultHold) : slot.startsAt();
        if (!store.hold(slot.id(), until)) {
            throw new OfferRefused("That freed time has already been offered or booked.");
        }
        java.time.ZonedDateTime start = slot.startsAt().atZone(Application.PRACTICE_ZONE);
        var time = new OfferedTime(slot.therapistId(), SessionFormat.valueOf(slot.format()), slot.roomId(), start,
                slot.endsAt().atZone(Application.PRACTICE_ZONE));
        List<OfferMade> made = new ArrayList<>();
        for (WaitlistRows.Entry entry : entries) {
            long offerId = store.insertOffer(entry.id(), by, until, now, true);
            store.offerSlot(offerId, slot.id());
            List<CaseGrant> clients = new ArrayList<>();
            for (Long id : new Long[] {entry.intakeId(), entry.partnerIntakeId()}) {
                if (id != null) {
                    clients.add(access.require(id, CaseOperation.BOOK_SESSION));
                }
            }
            int emailed = issueLinks(offerId, clients, List.of(time), until);
            for (CaseGrant client : clients) {
                auditLog.record(AuditAction.OFFER_MADE, client.intakeId(), client.reference(), "A time freed by a "
                        + "cancellation, " + WHEN.format(start) + ", held until "
                        + WHEN.format(until.atZone(Application.PRACTICE_ZONE)) + " (offered to " + entries.size()
                        + (entries.size() == 1 ? " case)" : " cases; the first to choose books it)"));
            }
            made.add(new OfferMade(offerId, 1, until, emailed));
        }
        return made;
    }

    /** Withdraws the case's open offer and lets its times go. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.BOOK_SESSION)
    public void withdraw(long intakeId) {
        CaseGrant grant = access.require(intakeId, CaseOperation.BOOK_SESSION);
        transactions.executeWithoutResult(status -> {
            WaitlistRows.Entry entry = waitingEntry(grant);
            store.latestOffer(entry.id()).filter(WaitlistRows.Offer::open)
                    .ifPresent(offer -> close(store.lockOffer(offer.id()), clients(grant, entry), "WITHDRAWN",
                            "Withdrawn by staff"));
        });
    }

    /** Changes what the case waits for: the format (null: either) and a preferred therapist (null: anyone). */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.BOOK_SESSION)
    public void setPreferences(long intakeId, @Nullable SessionFormat format, @Nullable Long therapistId) {
        CaseGrant grant = access.require(intakeId, CaseOperation.BOOK_SESSION);
        transactions.executeWithoutResult(status -> {
            WaitlistRows.Entry entry = waitingEntry(grant);
            store.setDetails(entry.id(), format == null ? null : format.name(), therapistId);
            auditLog.record(AuditAction.WAITLIST_CHANGED, grant.intakeId(), grant.reference(), "Format "
                    + (format == null ? "either" : format.label()) + ", therapist "
                    + (therapistId == null ? "anyone" : "#" + therapistId));
        });
    }

    private WaitlistRows.Entry waitingEntry(CaseGrant grant) {
        WaitlistRows.Entry found = store.entryOf(grant.intakeId())
                .orElseThrow(() -> new OfferRefused(grant.reference() + " is not on the waiting list."));
        WaitlistRows.Entry entry = store.lockEntry(found.id());
        if (!entry.waiting()) {
            throw new OfferRefused(grant.reference() + " is no longer on the waiting list.");
        }
        return entry;
    }

    /** The case's clients, first the entry's own, then the partner for a couple's joint sessions. */
    private List<CaseGrant> clients(CaseGrant grant, WaitlistRows.Entry entry) {
        List<CaseGrant> clients = new ArrayList<>();
        clients.add(access.require(entry.intakeId(), grant.operation()));
        if (entry.partnerIntakeId() != null) {
            clients.add(access.require(entry.partnerIntakeId(), grant.operation()));
        }
        return clients;
    }

    private void close(WaitlistRows.Offer offer, List<CaseGrant> clients, String state, String why) {
        store.close(offer.id(), state, clock.instant(), null, null);
        store.releaseSlots(offer.id());
        for (CaseGrant client : clients) {
            auditLog.record(AuditAction.OFFER_WITHDRAWN, client.intakeId(), client.reference(), why);
        }
    }

    /** A link per client; emailed only where the client chose email. Returns how many were emailed. */
    private int issueLinks(long offerId, List<CaseGrant> clients, List<OfferedTime> times, Instant expires) {
        int emailed = 0;
        List<String> lines = times.stream().map(t -> WHEN.format(t.start()) + " ("
                + (t.format() == SessionFormat.ONLINE ? "online" : "in person") + ")").toList();
        // one read of names and addresses (an address only where the client said email is safe), nothing decrypted
        var names = intakes.names(clients);
        for (CaseGrant client : clients) {
            String token = SecretToken.generate();
            store.insertLink(offerId, client.intakeId(), SecretToken.hash(token));
            var name = names.get(client.intakeId());
            if (name != null && name.email() != null && !name.email().isBlank()) {
                emailed += emails.sendSlotOffer(name.email(), name.callName(), lines,
                        publicUrl.link("offer/" + token), expires.atZone(Application.PRACTICE_ZONE)) ? 1 : 0;
            }
        }
        return emailed;
    }

    static long typeId(WaitlistStore store, ServiceType service) {
        return store.sessionTypeId(service.sessionTypeCode());
    }
}
