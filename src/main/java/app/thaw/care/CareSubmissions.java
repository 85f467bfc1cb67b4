package app.thaw.care;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.IntakeSubmitted;
import app.thaw.security.SystemActor;

/**
 * A form arriving starts its course of care; the first partner of a couple waits for the other, and the second form
 * arriving tells the first partner's case so. Runs once the submission is committed, as the practice.
 */
@Component
class CareSubmissions {

    private final CareRecords records;
    private final CaseAccess access;
    private final Clock clock;

    CareSubmissions(CareRecords records, CaseAccess access, Clock clock) {
        this.records = records;
        this.access = access;
        this.clock = clock;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(IntakeSubmitted submitted) {
        SystemActor.run(() -> {
            CaseGrant grant = access.require(submitted.intakeId(), CaseOperation.READ_CLINICAL);
            var now = clock.instant();
            var arrived = CareEvent.of(CareEventKind.SUBMITTED, now);
            if (submitted.coupleCaseId() != null && grant.facts().partners().isEmpty()) {
                records.record(grant, java.util.List.of(arrived, CareEvent.of(CareEventKind.AWAITING_PARTNER, now)));
                return;
            }
            records.record(grant, arrived);
            if (submitted.coupleCaseId() != null) {
                access.partners(grant, CaseOperation.READ_CLINICAL)
                        .forEach(partner -> records.record(partner, CareEvent.of(CareEventKind.PARTNER_JOINED, now)));
            }
        });
    }
}
