package app.thaw.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;


import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.IntegrationTest;
import app.thaw.LockWaits;
import app.thaw.base.ids.AccessRequestId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.privacy.SubjectAccessRefused;
import app.thaw.privacy.SubjectAccessRequests;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffActionRefused;

/**
 * A client's subject access deadline never waits on someone who has left: a clinician with a review to do is not
 * deactivated until the hand-over gives it to a colleague, a review given to them while they are deactivated takes
 * turns with the deactivation, and the database refuses a review named for a former colleague.
 */
@IntegrationTest
class DeactivatingWithReviewsToDoIT extends DepartureTestSupport {

    @Autowired
    SubjectAccessRequests accessRequests;

    @Test
    void aClinicianWithAReviewToDoLeavesOnlyOnceTheHandOverGaveItToAColleague() {
        long leaving = newTherapist("Dr Reviewing");
        long request = recordRequest(data, leaving);

        var reviews = data.as("admin", () -> handover.commitments(StaffId.of(leaving)).reviews());
        assertThat(reviews).singleElement().satisfies(review -> {
            assertThat(review.requestId()).isEqualTo(request);
            assertThat(review.due()).isAfter(LocalDate.now().minusDays(1));
            assertThat(review.others()).extracting(r -> r.id()).contains(data.idOf("amira"))
                    .doesNotContain(leaving);
        });
        assertThatThrownBy(() -> data.as("admin", () -> handover.deactivate(StaffId.of(leaving))))
                .isInstanceOf(StaffActionRefused.class).hasMessageContaining("1 subject access review");

        data.as("admin", () -> handover.changeReviewer(AccessRequestId.of(request), StaffId.of(data.idOf("amira"))));
        data.as("admin", () -> handover.deactivate(StaffId.of(leaving)));
        assertThat(active(leaving)).isFalse();
        assertThat(reviewerOf(request)).isEqualTo(data.idOf("amira"));
    }

    @Test
    void aDeactivationThatWaitedForAReviewGivenToThemCountsItAndIsRefused() throws Exception {
        Race race = race("Dr Taking Review", true);
        assertThat(race.change()).isNull();
        assertThat(race.deactivation()).isInstanceOf(StaffActionRefused.class)
                .hasMessageContaining("1 subject access review");
        assertThat(race.active()).isTrue();
        assertThat(race.reviewer()).isEqualTo(race.therapist());
    }

    @Test
    void aReviewGivenWhileItsClinicianWasDeactivatedIsRefusedWithTheReason() throws Exception {
        Race race = race("Dr Off", false);
        assertThat(race.deactivation()).isNull();
        assertThat(race.active()).isFalse();
        assertThat(race.change()).isInstanceOf(SubjectAccessRefused.class).hasMessage("That clinician no longer sees "
                + "clients here (their account was deactivated or their role changed a moment ago). Choose another "
                + "reviewer.");
        assertThat(race.reviewer()).isNotEqualTo(race.therapist());
    }

    @Test
    void theDatabaseRefusesAReviewNamedForAFormerColleague() {
        long gone = newTherapist("Dr Retired");
        long request = recordRequest(data, data.idOf("amira"));
        data.as("admin", () -> handover.deactivate(StaffId.of(gone)));

        assertThatThrownBy(() -> jdbc.update("update subject_access_request set reviewer_id = ? where id = ?", gone,
                request)).hasMessageContaining("no longer active");
        assertThat(reviewerOf(request)).isEqualTo(data.idOf("amira"));
    }

    private record Race(long therapist, @Nullable Throwable change, @Nullable Throwable deactivation, boolean active,
                        long reviewer) {
    }

    /** The manager giving a review to the therapist and the therapist's deactivation both wait for the caseload. */
    private Race race(String name, boolean changeFirst) throws Exception {
        long therapist = newTherapist(name);
        long request = recordRequest(data, data.idOf("amira"));
        var both = new LockWaits(jdbc, dataSource).queueBehind(LockWaits.turn(LockWaits.CASELOAD, therapist),
                changeFirst, "the reviewer change", () -> asAdmin(() -> handover.changeReviewer(
                        AccessRequestId.of(request), StaffId.of(therapist))), "the deactivation",
                () -> asAdmin(() -> handover.deactivate(StaffId.of(therapist))));
        return new Race(therapist, LockWaits.failureOf(both.a()), LockWaits.failureOf(both.b()), active(therapist),
                reviewerOf(request));
    }

    /** A request for a new client nobody holds yet, so any active therapist may review it. */
    private long recordRequest(ReviewTestData data, long reviewer) {
        var client = data.submit(IntakeFixtures.completeAnswers("Kit " + ReviewTestData.uniqueWord()));
        return data.as("admin", () -> accessRequests.record(IntakeId.of(client.id()), LocalDate.now(),
                StaffId.of(reviewer))).id();
    }

    private long reviewerOf(long request) {
        return jdbc.queryForObject("select reviewer_id from subject_access_request where id = ?", Long.class, request);
    }
}
