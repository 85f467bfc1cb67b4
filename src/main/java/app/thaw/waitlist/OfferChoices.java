package app.thaw.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.PracticeTime;
import app.thaw.Application;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.SafetyGateRefused;
import app.thaw.intake.ClientOffers;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.HeldBookings;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;
import app.thaw.waitlist.domain.OfferStore;
import app.thaw.waitlist.domain.WaitlistRows;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * A client's choice of an offered time, however they reached it (their offer link or their status page). One short
 * transaction shares the case's turn with a closing, then locks the case's entry, then the offer, then the time, in
 * that order everywhere: a partner choosing at the same moment, a closing, the expiry job and a rival offer of the same
 * freed time wait their turn and then find it settled.
 * The session is booked through scheduling's {@link HeldBookings}, with the safety gates checked in this transaction.
 */
@Component
class OfferChoices {

    static final String TAKEN = "Sorry, someone has just taken that time. Please choose another one below, or call "
            + "the practice.";
    static final String GONE = "Sorry, that time is no longer available. Please choose another one below, or call "
            + "the practice.";
    static final String LAPSED = "Sorry, these times were only kept until %s and have now been released. The practice "
            + "will be in touch with new times.";
    static final String PASSED = "The times we offered have passed. The practice will be in touch with new times.";
    static final String TOO_SOON = "The times we offered are now too close to choose. The practice will be in touch "
            + "with new times.";
    static final String TALK_FIRST = "Thank you. Before we can book your first session, your therapist would like to "
            + "speak with you. The practice will call you soon.";
    /** The status page's heading over the client's sessions, as the offer's words name it. */
    static final String WHATS_BOOKED = "‘What's booked’";
    private static final DateTimeFormatter WHEN = PracticeTime.WEEKDAY_AT;
    private static final int ATTEMPTS = 5;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OfferChoices.class);

    private final WaitlistStore store;
    private final OfferStore offers;
    private final HeldBookings bookings;
    private final CaseAccess access;
    private final StaffAccountService staff;
    private final AuditLog auditLog;
    private final OfferEndings endings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OfferChoices(WaitlistStore store, OfferStore offers, HeldBookings bookings, CaseAccess access,
                 StaffAccountService staff, AuditLog auditLog, OfferEndings endings, TransactionTemplate transactions,
                 Clock clock) {
        this.store = store;
        this.offers = offers;
        this.bookings = bookings;
        this.access = access;
        this.staff = staff;
        this.auditLog = auditLog;
        this.endings = endings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the client may choose from: the case's open offer, or a word on how its last offer ended. */
    ClientOffers.Offered offered(long clientIntakeId, @org.jspecify.annotations.Nullable Long onlyOffer) {
        var offer = (onlyOffer == null
                ? store.entryOf(clientIntakeId).flatMap(entry -> offers.latestOffer(entry.id()))
                : offers.offer(onlyOffer).filter(o -> offeredTo(o, clientIntakeId))).orElse(null);
        if (offer == null) {
            return ClientOffers.Offered.none();
        }
        Instant now = clock.instant();
        if (offer.open() && offer.expiresAt().isAfter(now)) {
            // a time a departing therapist's deactivation skipped (a choice had it locked) is never shown again
            List<WaitlistRows.Slot> slots = offers.slotsOf(offer.id());
            List<WaitlistRows.Slot> live = slots.stream().filter(WaitlistRows.Slot::held)
                    .filter(s -> OfferService.choosable(s.startsAt(), now)).toList();
            java.util.Set<Long> here = SystemActor.call(() -> staff.stillSeeingClients(live.stream()
                    .map(WaitlistRows.Slot::therapistId).collect(java.util.stream.Collectors.toSet())));
            List<WaitlistRows.Slot> held = live.stream().filter(s -> here.contains(s.therapistId())).toList();
            Map<Long, String> names = SystemActor.call(() -> staff.displayNames(held.stream()
                    .map(WaitlistRows.Slot::therapistId).collect(java.util.stream.Collectors.toSet())));
            List<ClientOffers.Time> times = held.stream().map(s -> new ClientOffers.Time(s.id(),
                    s.startsAt().atZone(Application.PRACTICE_ZONE), s.endsAt().atZone(Application.PRACTICE_ZONE),
                    s.typeLabel(), where(s), names.getOrDefault(s.therapistId(), "Your therapist"))).toList();
            boolean forBoth = store.entry(offer.entryId()).map(entry -> entry.partnerIntakeId() != null)
                    .orElse(false);
            return new ClientOffers.Offered(times, offer.expiresAt(), times.isEmpty() ? nothingLeft(slots, now) : null,
                    forBoth);
        }
        return switch (offer.state()) {
            case "BOOKED" -> booked(offer, clientIntakeId, onlyOffer != null, now);
            case "OPEN", "EXPIRED" -> new ClientOffers.Offered(List.of(), null, allStarted(offers.slotsOf(offer.id()),
                    now) ? PASSED : LAPSED.formatted(WHEN.format(offer.expiresAt())));
            case "TAKEN" -> new ClientOffers.Offered(List.of(), null, "Sorry, the time we offered you has been "
                    + "taken. The practice will be in touch with new times.");
            default -> ClientOffers.Offered.none();
        };
    }

    /** Why an open offer shows no time: its times passed (or are too close to choose), or were taken. */
    private static String nothingLeft(List<WaitlistRows.Slot> slots, Instant now) {
        List<WaitlistRows.Slot> late = slots.stream().filter(WaitlistRows.Slot::held)
                .filter(s -> !OfferService.choosable(s.startsAt(), now)).toList();
        if (late.isEmpty()) {
            return "The times we offered have all been taken. The practice will be in touch with new times.";
        }
        return allStarted(late, now) ? PASSED : TOO_SOON;
    }

    private static boolean allStarted(List<WaitlistRows.Slot> slots, Instant now) {
        return !slots.isEmpty() && slots.stream().noneMatch(s -> s.startsAt().isAfter(now));
    }

    /**
     * A settled offer speaks of the session chosen from it only while that is still to come. Once it is cancelled or
     * past, the status page leaves the offer out (its "What's booked" says what is booked), and the offer link says so.
     */
    private ClientOffers.Offered booked(WaitlistRows.Offer offer, long clientIntakeId, boolean byLink, Instant now) {
        var session = offer.appointmentId() == null ? null : offers.bookedSession(offer.appointmentId()).orElse(null);
        if (session != null && "BOOKED".equals(session.state()) && session.startsAt().isAfter(now)) {
            // the status page's own heading, below the offer there; the offer link has only the status page to name
            String where = byLink ? "your status page shows it under " + WHATS_BOOKED + "."
                    : "you'll find it below, under " + WHATS_BOOKED + ".";
            return new ClientOffers.Offered(List.of(), null, offer.chosenBy() != null
                    && offer.chosenBy() != clientIntakeId
                    ? "Your partner has chosen a time for your first session: " + where
                    : "Your first session is booked: " + where);
        }
        if (!byLink) {
            return ClientOffers.Offered.none();
        }
        return new ClientOffers.Offered(List.of(), null, session == null ? "These times are no longer offered."
                : "CANCELLED".equals(session.state()) ? "The session booked from these times has been cancelled."
                : "The session booked from these times has passed.");
    }

    /** Whether the offer was made to this client's case (a couple's offer is to both partners). */
    boolean offeredTo(long offerId, long clientIntakeId) {
        return offers.offer(offerId).filter(o -> offeredTo(o, clientIntakeId)).isPresent();
    }

    private boolean offeredTo(WaitlistRows.Offer offer, long clientIntakeId) {
        return store.entry(offer.entryId()).filter(entry -> isClientOf(entry, clientIntakeId)).isPresent();
    }

    private static boolean isClientOf(WaitlistRows.Entry entry, long clientIntakeId) {
        return entry.intakeId() == clientIntakeId || Long.valueOf(clientIntakeId).equals(entry.partnerIntakeId());
    }

    /** Books the chosen time for the case of {@code clientIntakeId} from {@code offerId}; exactly one choice wins. */
    ClientOffers.Choice choose(long offerId, long clientIntakeId, long slotId) {
        for (int attempt = 1; ; attempt++) {
            try {
                // the client holds no staff role: the practice books on their behalf, as the system
                Made made = SystemActor.call(() -> transactions.execute(status -> {
                    Made choice = chooseLocked(offerId, clientIntakeId, slotId);
                    if (!choice.booked()) {
                        status.setRollbackOnly();
                    }
                    return choice;
                }));
                if (made.booked() && made.rivals()) {
                    closeRivals(slotId);
                }
                return made.choice();
            } catch (SafetyGateRefused gate) {
                return new ClientOffers.Choice(false, TALK_FIRST);
            } catch (CaseNotFound gone) {
                return new ClientOffers.Choice(false, "We couldn't find that offer. Please call the practice.");
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == ATTEMPTS) {
                    return new ClientOffers.Choice(false, TAKEN);
                }
            } catch (DataIntegrityViolationException taken) {
                // a booking made by hand in the same moment, which the diary's constraint let through first; or the
                // room taken out of use while the client chose
                return new ClientOffers.Choice(false, HeldBookings.roomClosed(taken) ? GONE : TAKEN);
            }
        }
    }

    /**
     * Other cases offered the same freed time now have nothing left to choose: their offers close at once (after the
     * choice commits, so no lock is taken out of order); should this fail, the expiry job closes them instead.
     */
    private void closeRivals(long slotId) {
        try {
            SystemActor.run(() -> transactions.executeWithoutResult(status -> endings.closeLost(slotId,
                    clock.instant())));
        } catch (RuntimeException later) {
            log.warn("Offers that lost time {} to another case close with the next expiry run", slotId, later);
        }
    }

    private Made chooseLocked(long offerId, long clientIntakeId, long slotId) {
        Instant now = clock.instant();
        // the case's turn first, as a closing takes it before it takes the case off the list (ADR 25)
        bookings.shareCaseTurns(store.clientsOfOffer(offerId));
        WaitlistRows.Entry entry = store.lockEntryOfOffer(offerId).orElse(null);
        if (entry == null || !isClientOf(entry, clientIntakeId)) {
            return Made.refused( "We couldn't find that offer. Please call the practice.");
        }
        WaitlistRows.Offer offer = offers.lockOffer(offerId);
        if ("BOOKED".equals(offer.state())) {
            return Made.refused(offer.chosenBy() != null && offer.chosenBy() != clientIntakeId
                    ? "Your partner has just chosen a time: you'll find it under " + WHATS_BOOKED + " on your status "
                            + "page."
                    : "You have already chosen a time: you'll find it under " + WHATS_BOOKED + " on your status "
                            + "page.");
        }
        if (!offer.open() || !offer.expiresAt().isAfter(now)) {
            return Made.refused(switch (offer.state()) {
                case "WITHDRAWN" -> "These times are no longer offered. The practice will be in touch.";
                // another case chose this freed time a moment ago, and the rival offer closed before this lock
                case "TAKEN" -> TAKEN;
                default -> LAPSED.formatted(WHEN.format(offer.expiresAt()));
            });
        }
        WaitlistRows.Slot slot = offers.lockSlot(offerId, slotId).orElse(null);
        if (slot == null) {
            return Made.refused( "We couldn't find that time. Please choose one of the times shown.");
        }
        if (slot.held() && !OfferService.choosable(slot.startsAt(), now)) {
            return Made.refused(slot.startsAt().isAfter(now) ? "Sorry, that time is now too close to choose. Please "
                    + "choose another one below, or call the practice." : "Sorry, that time has passed. Please choose "
                    + "another one below, or call the practice.");
        }
        if (!slot.held()) {
            return Made.refused("RELEASED".equals(slot.state()) ? GONE : TAKEN);
        }
        // the hold makes way for the session in the same transaction, so no one else can slip in between
        offers.takeFor(slot.id(), entry.id(), now);
        List<CaseGrant> clients = new ArrayList<>(List.of(access.require(entry.intakeId(),
                CaseOperation.BOOK_SESSION)));
        if (entry.partnerIntakeId() != null) {
            clients.add(access.require(entry.partnerIntakeId(), CaseOperation.BOOK_SESSION));
        }
        BookingResult result = bookings.book(clients, new HeldBookings.HeldTime(slot.therapistId(), slot.roomId(),
                slot.typeId(), SessionFormat.valueOf(slot.format()), slot.startsAt(), slot.endsAt()), null,
                clientIntakeId, "chosen by the client from an offer");
        if (!(result instanceof BookingResult.Booked booked)) {
            return Made.refused( "Sorry, that time can no longer be booked. Please choose another "
                    + "one, or call the practice.");
        }
        boolean rivals = offers.settleChoice(offer.id(), entry.id(), slot.id(), booked.session().id(),
                clientIntakeId, now);
        for (CaseGrant client : clients) {
            auditLog.record(AuditAction.OFFER_CHOSEN, client.intakeId(), client.reference(),
                    client.intakeId() == clientIntakeId ? "By this client" : "By the partner");
        }
        return new Made(new ClientOffers.Choice(true, "Thank you: your session is booked for "
                + WHEN.format(slot.startsAt()) + " with " + booked.session().therapistName() + ". "
                + (entry.partnerIntakeId() != null ? "Your partner will see it on their page too. " : "")
                + "We'll send a confirmation the way you asked us to contact you."), rivals);
    }

    /** A choice, and whether other cases' offers held the same time (a freed time), so theirs close after it. */
    private record Made(ClientOffers.Choice choice, boolean rivals) {
        static Made refused(String message) {
            return new Made(new ClientOffers.Choice(false, message), false);
        }

        boolean booked() {
            return choice.booked();
        }
    }

    static String where(WaitlistRows.Slot slot) {
        return "ONLINE".equals(slot.format()) ? "Online (video)" : "In person, " + slot.roomName();
    }
}
