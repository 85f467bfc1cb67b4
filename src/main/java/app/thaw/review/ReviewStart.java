package app.thaw.review;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.care.CareEvent;
import app.thaw.care.CareEventKind;
import app.thaw.care.CaseStage;
import app.thaw.intake.IntakeStatus;

/** A therapist opening a new case has started reviewing it (the couple's, when both forms are in). */
@Component
class ReviewStart {

    private final CareLink care;
    private final CaseAccess access;
    private final Clock clock;

    ReviewStart(CareLink care, CaseAccess access, Clock clock) {
        this.care = care;
        this.access = access;
        this.clock = clock;
    }

    CaseStage start(CaseGrant grant) {
        CaseStage stage = care.records().stage(grant);
        return isNew(stage.status()) ? started(grant, access.partners(grant, CaseOperation.READ_CLINICAL)) : stage;
    }

    /** As {@link #start(CaseGrant)}, with the partners' grants the caller already holds (opening a case reads them). */
    CaseStage start(CaseGrant grant, List<CaseGrant> partners) {
        CaseStage stage = care.records().stage(grant);
        return isNew(stage.status()) ? started(grant, partners) : stage;
    }

    private CaseStage started(CaseGrant grant, List<CaseGrant> partners) {
        var started = CareEvent.of(CareEventKind.REVIEW_STARTED, clock.instant());
        for (CaseGrant partner : partners) {
            if (isNew(care.records().stage(partner).status())) {
                care.records().record(partner, started);
            }
        }
        return care.records().record(grant, started);
    }

    private static boolean isNew(IntakeStatus status) {
        return status == IntakeStatus.NEW || status == IntakeStatus.AWAITING_PARTNER;
    }
}
