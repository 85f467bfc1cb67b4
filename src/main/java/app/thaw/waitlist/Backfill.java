package app.thaw.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.PracticeSettings;
import app.thaw.scheduling.AppointmentCancelled;
import app.thaw.security.SystemActor;
import app.thaw.waitlist.domain.OfferStore;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * A session cancelled with at least the practice's notice gives its time back to the waiting list: as a suggestion
 * staff offer with one click, or offered at once to the best-fitting cases (Waiting list settings). It runs after the
 * cancellation has committed, in its own transaction, so nothing here can undo a cancellation.
 */
@Component
class Backfill {

    private final WaitlistStore store;
    private final OfferStore offerStore;
    private final FreedTimeOffers offers;
    private final PracticeSettings settings;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    Backfill(WaitlistStore store, OfferStore offerStore, FreedTimeOffers offers, PracticeSettings settings,
             TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.offerStore = offerStore;
        this.offers = offers;
        this.settings = settings;
        this.ownTransaction = new TransactionTemplate(
                Objects.requireNonNull(transactions.getTransactionManager(), "the context's template has its manager"));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AppointmentCancelled cancelled) {
        SystemActor.run(() -> freed(cancelled.notice().appointmentId()));
    }

    /**
     * Returns the freed time's id, or null when the cancellation came too late, was in a room out of use or gives
     * nothing to the list.
     */
    @Nullable Long freed(long appointmentId) {
        WaitlistStore.Settings mode = store.settings();
        if ("OFF".equals(mode.backfillMode())) {
            return null;
        }
        Instant now = clock.instant();
        var session = store.cancelled(appointmentId).orElse(null);
        // a time in a room out of use is no one's to offer
        if (session == null || !session.roomInUse()
                || session.start().isBefore(now.plus(settings.current().clientNotice()))) {
            return null;
        }
        ServiceType service = session.couples() ? ServiceType.COUPLES : ServiceType.INDIVIDUAL;
        long typeId = OfferService.typeId(store, service);
        Instant end = session.start().plusSeconds(60L * store.minutesOf(typeId));
        if (end.isAfter(session.end())) {
            return null;
        }
        Long slot = ownTransaction.execute(status -> offerStore.insertSlot("FREED", session.therapistId(),
                session.roomId(), typeId, session.format(), session.start(), end, session.start(), appointmentId, now));
        if ("AUTO".equals(mode.backfillMode()) && slot != null) {
            List<Long> excluded = new ArrayList<>(List.of(session.intakeId()));
            if (session.partnerIntakeId() != null) {
                excluded.add(session.partnerIntakeId());
            }
            try {
                ownTransaction.executeWithoutResult(status -> offers.offerToBestFits(slot,
                        mode.backfillCases(), excluded));
            } catch (RuntimeException stillSuggested) {
                // the time was booked again meanwhile, or no case fits now: it stays a suggestion on the list
            }
        }
        return slot;
    }
}
