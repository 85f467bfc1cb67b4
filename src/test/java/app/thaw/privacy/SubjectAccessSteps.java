package app.thaw.privacy;

import java.time.LocalDate;
import java.util.Map;

import app.thaw.base.ids.AccessRequestId;
import app.thaw.base.ids.StaffId;
import app.thaw.base.ids.IntakeId;
import app.thaw.Application;
import app.thaw.review.ReviewTestData;

/** The subject access flow in test steps: the manager records, the named clinician approves, the manager downloads. */
public final class SubjectAccessSteps {

    private final ReviewTestData data;
    private final SubjectAccessRequests requests;
    private final DisclosureReviews reviews;

    public SubjectAccessSteps(ReviewTestData data, SubjectAccessRequests requests, DisclosureReviews reviews) {
        this.data = data;
        this.requests = requests;
        this.reviews = reviews;
    }

    public static LocalDate today() {
        return LocalDate.now(Application.PRACTICE_ZONE);
    }

    /** Recorded by the practice manager, received three days ago, reviewed by {@code reviewer}. */
    public AccessRequestView record(long intakeId, String reviewer) {
        return data.as("admin", () -> requests.record(IntakeId.of(intakeId), today().minusDays(3),
                StaffId.of(data.idOf(reviewer))));
    }

    /** The named clinician opens the review and approves it, withholding the given parts (key to reason). */
    public AccessRequestView approve(String reviewer, long accessRequestId, Map<String, String> withheld) {
        return data.as(reviewer, () -> {
            DisclosureReview review = reviews.open(AccessRequestId.of(accessRequestId));
            return reviews.approve(AccessRequestId.of(accessRequestId), withheld, review.content());
        });
    }

    /** Recorded and approved in full by the client's clinician, ready to download. */
    public long approvedInFull(long intakeId, String reviewer) {
        long id = record(intakeId, reviewer).id();
        approve(reviewer, id, Map.of());
        return id;
    }

    public ExportFile json(long accessRequestId) {
        return data.as("admin", () -> requests.exportJson(AccessRequestId.of(accessRequestId)));
    }

    public ExportFile pdf(long accessRequestId) {
        return data.as("admin", () -> requests.exportPdf(AccessRequestId.of(accessRequestId)));
    }
}
