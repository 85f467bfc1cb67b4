package app.thaw.waitlist;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.StaffId;
import app.thaw.scheduling.ClosedTimes;
import app.thaw.scheduling.HeldBookings;
import app.thaw.security.SystemActor;
import app.thaw.waitlist.domain.OfferStore;
import app.thaw.waitlist.domain.WaitlistRows;

/**
 * A day the practice closes, time away a therapist adds, or hours they no longer keep are offered to no one: the
 * times held or freed then go back, and an offer left with nothing to choose is withdrawn (its case's staff told, so it gets new times).
 */
@Component
class ClosingTime implements ClosedTimes {

    private final OfferEndings endings;
    private final OfferStore offers;
    private final HeldBookings diary;
    private final Clock clock;

    ClosingTime(OfferEndings endings, OfferStore offers, HeldBookings diary, Clock clock) {
        this.endings = endings;
        this.offers = offers;
        this.diary = diary;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void letGo(@Nullable Long therapistId, Instant from, Instant to) {
        // the cases are not the practice manager's or the therapist's to read: audit and notices are the system's
        SystemActor.run(() -> endings.letGoOfClosedTime(therapistId, from, to, clock.instant()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void hoursNarrowed(long therapistId) {
        Instant now = clock.instant();
        SystemActor.run(() -> endings.letGoOfTimes(offers.openTimesOf(therapistId, now).stream()
                .filter(time -> diary.unavailable(StaffId.of(therapistId), time.startsAt(), time.endsAt()).isPresent())
                .map(WaitlistRows.Slot::id).toList(), now));
    }
}
