package app.thaw.privacy;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.StaffId;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.security.Roles;

/**
 * The subject access reviews a clinician still has to do, for the hand-over page: a client's deadline runs while a
 * review waits, so each goes to a colleague before the clinician leaves ({@link ReviewCommitments}).
 */
@Service
@Transactional(readOnly = true)
public class ReviewsInHand {

    private final AccessRequestDesk desk;

    ReviewsInHand(AccessRequestDesk desk) {
        this.desk = desk;
    }

    /** The reviews the clinician still has to do, oldest deadline first, each with the colleagues who may take it. */
    @RolesAllowed(Roles.ADMIN)
    public List<PendingReview> awaitingReviewBy(StaffId staffId) {
        return desk.requests().findByReviewerIdAndStatusOrderByReceivedOnAscIdAsc(staffId.value(),
                AccessRequestStatus.AWAITING_REVIEW).stream().map(request -> {
            CaseGrant grant = desk.access().require(request.getIntakeId(), CaseOperation.MANAGE_PRIVACY);
            var others = desk.views().reviewers(grant).reviewers().stream()
                    .filter(reviewer -> reviewer.id() != staffId.value()).toList();
            return new PendingReview(request.getId(), grant.intakeId(), grant.reference(),
                    AccessRequestViews.due(request), others);
        }).toList();
    }
}
