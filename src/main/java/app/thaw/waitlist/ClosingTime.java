package app.thaw.waitlist;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.scheduling.ClosedTimes;
import app.thaw.security.SystemActor;

/**
 * A day the practice closes, or time away a therapist adds, is offered to no one: the times held or freed then go
 * back, and an offer left with nothing to choose is withdrawn (its case's staff told, so it gets new times).
 */
@Component
class ClosingTime implements ClosedTimes {

    private final OfferEndings endings;
    private final Clock clock;

    ClosingTime(OfferEndings endings, Clock clock) {
        this.endings = endings;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void letGo(@Nullable Long therapistId, Instant from, Instant to) {
        // the cases are not the practice manager's or the therapist's to read: audit and notices are the system's
        SystemActor.run(() -> endings.letGoOfClosedTime(therapistId, from, to, clock.instant()));
    }
}
