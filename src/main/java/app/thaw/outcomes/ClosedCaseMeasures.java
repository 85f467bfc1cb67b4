package app.thaw.outcomes;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.thaw.care.CaseStatusChanged;
import app.thaw.intake.IntakeStatus;
import app.thaw.outcomes.domain.MeasureStore;

/**
 * A case that closes is asked nothing more: its unanswered questions (before a session since cancelled, as closing
 * requires) close in the closing's own transaction, so neither the status page nor an emailed link still takes answers.
 * A reopened case gets new ones before its next session, never these.
 */
@Component
class ClosedCaseMeasures {

    private final MeasureStore store;
    private final Clock clock;

    ClosedCaseMeasures(MeasureStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    void on(CaseStatusChanged changed) {
        if (changed.to() == IntakeStatus.CLOSED) {
            store.closeOpenRequests(changed.intakeId(), clock.instant());
        }
    }
}
