package app.thaw.review;

import org.springframework.stereotype.Component;

import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.review.domain.ReviewCase;
import app.thaw.review.domain.ReviewCaseRepository;

/** The grant and the review case a case action needs: the policy first, then the risk lock of an urgent case. */
@Component
class CaseLocks {

    private final CaseAccess access;
    private final ReviewCaseRepository cases;
    private final SubmittedIntakes intakes;

    CaseLocks(CaseAccess access, ReviewCaseRepository cases, SubmittedIntakes intakes) {
        this.access = access;
        this.cases = cases;
        this.intakes = intakes;
    }

    /** A case the person may act on this way; "not found" (and audited) otherwise. */
    Locked require(long intakeId, CaseOperation operation) {
        CaseGrant grant = access.require(intakeId, operation);
        // set up once the submission is committed (CaseSetup); only a failed set-up awaiting resubmission lacks it
        ReviewCase reviewCase = cases.findById(grant.intakeId()).orElseThrow(() -> new CaseActionRefused(
                "This case is still being set up. Please try again in a minute."));
        return new Locked(grant, reviewCase, intakes);
    }

    /** Nothing else can be done with an urgent case until its risk has been reviewed. */
    Locked requireUnlocked(long intakeId, CaseOperation operation) {
        Locked locked = require(intakeId, operation);
        if (locked.grant().facts().urgent() && !locked.reviewCase().isRiskAcknowledged()) {
            throw new CaseActionRefused("Review the risk first: this case is urgent.");
        }
        return locked;
    }

    /** A case action's grant and review case; the answers are read only by the actions that need them. */
    static final class Locked {

        private final CaseGrant grant;
        private final ReviewCase reviewCase;
        private final SubmittedIntakes intakes;

        private Locked(CaseGrant grant, ReviewCase reviewCase, SubmittedIntakes intakes) {
            this.grant = grant;
            this.reviewCase = reviewCase;
            this.intakes = intakes;
        }

        CaseGrant grant() {
            return grant;
        }

        ReviewCase reviewCase() {
            return reviewCase;
        }

        SubmittedIntake intake() {
            return intakes.find(grant);
        }
    }
}
