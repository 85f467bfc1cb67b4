package app.thaw.review;

import java.util.Optional;

import org.springframework.stereotype.Component;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.review.domain.ReviewCase;
import app.thaw.security.CurrentUser;

/** Who may work on which case: the checks every review action makes before it touches anything. */
@Component
class CaseAccess {

    private final CaseSetup setup;
    private final SubmittedIntakes intakes;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;

    CaseAccess(CaseSetup setup, SubmittedIntakes intakes, AuditLog auditLog, CurrentUser currentUser) {
        this.setup = setup;
        this.intakes = intakes;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
    }

    /** The case if this therapist may see it; otherwise the attempt is audited and nothing is revealed. */
    Optional<ReviewCase> accessible(long intakeId, String reference) {
        ReviewCase reviewCase = setup.ensure(intakeId);
        if (!reviewCase.isVisibleTo(currentUser.require().id())) {
            auditLog.recordAttempt(AuditAction.CASE_ACCESS_DENIED, intakeId, reference,
                    "Assigned to another therapist");
            return Optional.empty();
        }
        return Optional.of(reviewCase);
    }

    ReviewCase requireAccessible(long intakeId) {
        return accessible(intakeId, referenceOf(intakeId))
                .orElseThrow(() -> new CaseActionRefused("This case isn't available to you."));
    }

    /** Nothing else can be done with an urgent case until its risk has been reviewed. */
    ReviewCase requireUnlocked(long intakeId) {
        ReviewCase reviewCase = requireAccessible(intakeId);
        if (intakes.isUrgent(intakeId) && !reviewCase.isRiskAcknowledged()) {
            throw new CaseActionRefused("Review the risk first: this case is urgent.");
        }
        return reviewCase;
    }

    /**
     * Whether the other partner of a couple said they are afraid of this client. It blocks joint work just as
     * the client's own answer does, whichever therapist holds the partner's intake.
     */
    boolean partnerReportedFear(SubmittedIntake intake) {
        if (intake.coupleCaseId() == null) {
            return false;
        }
        return intakes.coupleMembers(intake.coupleCaseId()).stream()
                .filter(id -> id != intake.id())
                .map(intakes::find)
                .flatMap(Optional::stream)
                .anyMatch(partner -> partner.hasRiskFlag("partner_fear"));
    }

    Optional<SubmittedIntake> partnerOf(SubmittedIntake intake) {
        if (intake.coupleCaseId() == null) {
            return Optional.empty();
        }
        long me = currentUser.require().id();
        return intakes.coupleMembers(intake.coupleCaseId()).stream()
                .filter(id -> id != intake.id())
                .filter(id -> setup.ensure(id).isVisibleTo(me))
                .findFirst()
                .flatMap(intakes::find);
    }

    String referenceOf(long intakeId) {
        return intakes.referenceOf(intakeId).orElse(null);
    }
}
