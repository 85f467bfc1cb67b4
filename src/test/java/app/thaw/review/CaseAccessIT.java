package app.thaw.review;

import static app.thaw.intake.IntakeFixtures.completeAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.caseaccess.CaseNotFound;

/**
 * Who may open or change a case: a colleague, an admin and an anonymous visitor are refused, and refusals never confirm
 * a reference.
 */
@IntegrationTest
class CaseAccessIT extends ReviewTestSupport {

    @Test
    void aColleagueCannotOpenOrChangeATherapistsCaseAndTheAttemptIsAudited() {
        var amirasCase = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Private"));
        data.as("amira", () -> assignments.assignToMe(IntakeId.of(amirasCase.id())));

        Optional<CaseDetail> tomOpens = data.as("tom", () -> caseOpening.openCase(CaseReference.of(amirasCase.reference())));

        assertThat(tomOpens).isEmpty();
        // the same words as for a case that does not exist: a refusal never confirms that a reference is real
        assertThatThrownBy(() -> data.as("tom", () -> caseWork.addNote(IntakeId.of(amirasCase.id()), "Sneaky note")))
                .isInstanceOf(CaseNotFound.class).hasMessage(CaseNotFound.MESSAGE);
        assertThatThrownBy(() -> data.as("tom", () -> assignments.assignToMe(IntakeId.of(amirasCase.id()))))
                .isInstanceOf(CaseNotFound.class);
        assertThatThrownBy(() -> data.as("tom", () -> letterService.referralLetter(IntakeId.of(amirasCase.id()))))
                .isInstanceOf(CaseNotFound.class);
        assertThatThrownBy(() -> data.as("tom", () -> caseWork.addNote(IntakeId.of(Long.MAX_VALUE), "Sneaky note")))
                .isInstanceOf(CaseNotFound.class).hasMessage(CaseNotFound.MESSAGE);
        var denied = data.audit(amirasCase.id()).stream()
                .filter(row -> row.get("action").equals("CASE_ACCESS_DENIED")).toList();
        assertThat(denied).hasSize(4).allSatisfy(row -> {
            assertThat(row.get("actor_id")).isEqualTo(data.idOf("tom"));
            assertThat(row.get("actor_name")).isEqualTo("Tom Whitfield");
            assertThat(row.get("case_reference")).isEqualTo(amirasCase.reference());
        });
        assertThat(data.auditActions(amirasCase.id())).doesNotContain("CASE_OPENED", "NOTE_ADDED");
        assertThat(jdbc.queryForObject("select count(*) from case_note where intake_id = ?", Integer.class,
                amirasCase.id())).isZero();
        assertThat(jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?",
                Long.class, amirasCase.id())).isEqualTo(data.idOf("amira"));
        assertThat(data.as("amira", () -> caseOpening.openCase(CaseReference.of(amirasCase.reference())))).isPresent();
    }

    @Test
    @WithUserDetails("amira")
    void anUnknownReferenceIsNotFoundWithoutAnAuditLine() {
        long last = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);

        assertThat(caseOpening.openCase(CaseReference.of("THW-000000"))).isEmpty();
        assertThat(CaseReference.typed("not a reference").flatMap(caseOpening::openCase)).isEmpty();

        assertThat(jdbc.queryForObject("select count(*) from audit_entry where id > ? and actor_id = ?", Long.class,
                last, data.idOf("amira"))).isZero();
    }

    @Test
    @WithUserDetails("admin")
    void anAdminCannotOpenACaseOrChangeIt() {
        var submitted = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Admin"));

        assertThatThrownBy(() -> caseOpening.openCase(CaseReference.of(submitted.reference())))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> caseWork.addNote(IntakeId.of(submitted.id()), "note"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> letterService.referralLetter(IntakeId.of(submitted.id())))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(reviewQueue.queue(anyStatus(submitted.reference()), QueueSort.DEFAULT, null, 10)).hasSize(1);
        // refused by role, and each attempt on record with the case it named
        assertThat(data.auditActions(submitted.id())).containsExactly("INTAKE_SUBMITTED", "ACCESS_DENIED",
                "ACCESS_DENIED");
    }

    @Test
    @WithAnonymousUser
    void anonymousVisitorsCannotReadTheQueueOrCases() {
        var submitted = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Anon"));

        assertThatThrownBy(() -> caseOpening.openCase(CaseReference.of(submitted.reference())))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> reviewQueue.queue(QueueFilter.open(), QueueSort.DEFAULT, null, 10))
                .isInstanceOf(AuthorizationDeniedException.class);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> caseOpening.openCase(CaseReference.of(submitted.reference())))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(data.auditActions(submitted.id())).containsExactly("INTAKE_SUBMITTED");
    }
}
