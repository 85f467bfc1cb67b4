package app.thaw.waitlist;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.security.StaffDepartures;
import app.thaw.security.SystemActor;

/**
 * A therapist who leaves can no longer see anyone, so the times held in their diary for waiting clients go back and
 * an offer left with nothing to choose is withdrawn (its case's staff told, so it gets new times) rather than showing
 * a client times that could never be booked.
 */
@Component
class DepartingTherapistTimes implements StaffDepartures {

    private final OfferEndings endings;
    private final Clock clock;

    DepartingTherapistTimes(OfferEndings endings, Clock clock) {
        this.endings = endings;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void letGo(long staffId) {
        // the cases are not the practice manager's to read: the audit and the notice are written as the system
        SystemActor.run(() -> endings.letGoOf(staffId, clock.instant()));
    }
}
