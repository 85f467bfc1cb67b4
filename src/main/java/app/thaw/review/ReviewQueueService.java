package app.thaw.review;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.NotACasePath;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;

/** The case queue: urgent first, then longest waiting; a therapist sees the shared queue and their own cases. */
@Service
@Transactional(readOnly = true)
public class ReviewQueueService {

    private final ReviewQueueQuery queue;
    private final CurrentUser currentUser;
    private final CaseAccess access;

    ReviewQueueService(ReviewQueueQuery queue, CurrentUser currentUser, CaseAccess access) {
        this.queue = queue;
        this.currentUser = currentUser;
        this.access = access;
    }

    /** One page of the queue after the given row (null for the first page). Therapists never see colleagues' cases. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @NotACasePath("a list, not a case: its query reads only the cases the policy lets a therapist see (unassigned and "
            + "their own), names and no clinical content; a colleague's exact reference goes through the policy")
    public List<QueueRow> queue(QueueFilter filter, QueueSort sort, @Nullable QueueRow after, int limit) {
        StaffUser user = currentUser.require();
        if (after == null && !user.isAdmin()) {
            // looking a colleague's case up by its exact reference is an attempt like opening it: on record, and
            // answered as for a reference that does not exist (no row)
            ReviewQueueQuery.exactReference(filter.search())
                    .ifPresent(reference -> access.find(reference, CaseOperation.READ_CLINICAL));
        }
        return queue.page(filter, sort, after, Math.clamp(limit, 1, 200), user.isAdmin() ? null : user.id());
    }
}
