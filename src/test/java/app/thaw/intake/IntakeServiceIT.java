package app.thaw.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import app.thaw.IntegrationTest;
import app.thaw.intake.questionnaire.Answers;

@IntegrationTest
@RecordApplicationEvents
class IntakeServiceIT {

    @Autowired
    ApplicationEvents events;

    @Autowired
    IntakeService intake;

    @Autowired

    ClientStatusService clientStatus;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void submissionIsStoredWithItsQuestionnaireVersionScoresAndNoRiskFlag() {
        String token = draftWith(IntakeFixtures.completeAnswers("Morgan Plain"));

        var outcome = (SubmissionOutcome.Submitted) intake.submit(token, address(), false);

        var row = jdbc.queryForMap("select * from intake where reference = ?", outcome.receipt().reference());
        assertThat(row.get("questionnaire_id")).isEqualTo("intake");
        assertThat(row.get("questionnaire_version")).isEqualTo(2);
        assertThat(row.get("urgent")).isEqualTo(false);
        assertThat(row.get("status")).isEqualTo("NEW");
        assertThat(row.get("requested_type")).isEqualTo("INDIVIDUAL");
        assertThat(row.get("full_name")).isEqualTo("Morgan Plain");
        assertThat(row.get("privacy_notice_version")).isEqualTo("2026-11");
        assertThat(row.get("answers").toString()).contains("\"phq9.1\": [\"1\"]");
        assertThat(row.get("scores").toString()).contains("\"id\": \"phq9\"", "\"total\": 8", "\"band\": \"Mild\"");
        assertThat(row.get("risk_flags").toString()).isEqualTo("[]");
        assertThat(outcome.receipt().reference()).matches("THW-[0-9A-HJKMNP-TV-Z]{6}");
        assertThat(outcome.receipt().urgent()).isFalse();
        assertThat(outcome.receipt().partnerInvitationToken()).isNull();
        assertThat(events.stream(IntakeSubmitted.class))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.reference()).isEqualTo(outcome.receipt().reference());
                    assertThat(event.urgent()).isFalse();
                    assertThat(event.toString()).doesNotContain("Morgan").doesNotContain("cry");
                });
    }

    @Test
    void riskAnswersFlagTheIntakeUrgentAndNameWhichAnswersRaisedIt() {
        String token = draftWith(IntakeFixtures.completeAnswers("Riley Risk")
                .with("phq9.9", "1").with("safety.safe_now", "no"));

        var receipt = ((SubmissionOutcome.Submitted) intake.submit(token, address(), false)).receipt();

        assertThat(receipt.urgent()).isTrue();
        var row = jdbc.queryForMap("select urgent, risk_flags::text as flags from intake where reference = ?",
                receipt.reference());
        assertThat(row.get("urgent")).isEqualTo(true);
        assertThat(row.get("flags").toString()).contains("phq9_item9", "not_safe_now");
        // the status link's record carries no risk flag: whoever holds the link learns nothing of the answers
        assertThat(java.util.Arrays.stream(ClientStatus.class.getRecordComponents()).map(c -> c.getName()))
                .doesNotContain("urgent");
        assertThat(clientStatus.status(receipt.statusToken())).isPresent();
    }

    @Test
    void answersToQuestionsThatEndedUpHiddenAreNotStored() {
        String token = draftWith(IntakeFixtures.completeAnswers("Hidden Harper")
                .with("medication.current", "yes").with("medication.details", "Sertraline since May"));
        intake.saveAnswers(token, Map.of("medication.current", List.of("no")), "medication");

        var receipt = ((SubmissionOutcome.Submitted) intake.submit(token, address(), false)).receipt();

        String answers = jdbc.queryForObject("select answers::text from intake where reference = ?", String.class,
                receipt.reference());
        assertThat(answers).doesNotContain("Sertraline").doesNotContain("medication.details");
    }

    @Test
    void anIncompleteFormComesBackWithAMessagePerFieldAndTheDraftKeepsEverything() {
        String token = draftWith(IntakeFixtures.completeAnswers("Casey Careless")
                .with("about.email", "not-an-email").without("consent.age18"));

        var outcome = intake.submit(token, address(), false);

        assertThat(outcome).isInstanceOf(SubmissionOutcome.NeedsCorrection.class);
        var errors = ((SubmissionOutcome.NeedsCorrection) outcome).errors();
        assertThat(errors).containsOnlyKeys("about.email", "consent.age18");
        var draft = intake.resumeDraft(token).orElseThrow();
        assertThat(draft.answers().single("about.email")).contains("not-an-email");
        assertThat(draft.answers().single("about.full_name")).contains("Casey Careless");
    }

    @Test
    void aDoubleClickedSubmitCreatesExactlyOneIntake() throws Exception {
        String token = draftWith(IntakeFixtures.completeAnswers("Dana Double"));
        var start = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> submitWhen(start, token));
        var second = CompletableFuture.supplyAsync(() -> submitWhen(start, token));
        start.countDown();

        List<SubmissionOutcome> outcomes = List.of(first.get(), second.get());

        assertThat(outcomes).filteredOn(SubmissionOutcome.Submitted.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(SubmissionOutcome.AlreadySubmitted.class::isInstance).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from intake where full_name = 'Dana Double'", Integer.class))
                .isEqualTo(1);
        assertThat(intake.submit(token, address(), false)).isInstanceOf(SubmissionOutcome.AlreadySubmitted.class);
    }

    @Test
    void couplesPartnersAreLinkedThroughAOneTimeInvitationAndSeeOnlyTheirOwnStatus() {
        var first = ((SubmissionOutcome.Submitted) intake.submit(
                draftWith(IntakeFixtures.couplesAnswers("Alex Partner")), address(), false)).receipt();
        String invitation = first.partnerInvitationToken();
        assertThat(invitation).isNotNull();
        var waiting = clientStatus.status(first.statusToken()).orElseThrow();
        assertThat(waiting.stage()).isEqualTo(ClientStatus.Stage.RECEIVED);
        assertThat(waiting.mayInvitePartner()).isTrue();
        assertThat(jdbc.queryForObject("select status from intake where reference = ?", String.class,
                first.reference())).isEqualTo(IntakeStatus.AWAITING_PARTNER.name());

        String partnerDraft = intake.startDraft(invitation, address()).orElseThrow().token();
        intake.saveAnswers(partnerDraft, IntakeFixtures.couplesAnswers("Sam Partner")
                .with("presenting.what_brings_you", "Private words of Sam").asMap(), null);
        var second = ((SubmissionOutcome.Submitted) intake.submit(partnerDraft, address(), false)).receipt();

        assertThat(second.partnerIntake()).isTrue();
        assertThat(second.partnerInvitationToken()).isNull();
        var cases = jdbc.queryForList("select couple_case_id from intake where reference in (?, ?)", Long.class,
                first.reference(), second.reference());
        assertThat(cases).hasSize(2).doesNotContainNull().containsOnly(cases.getFirst());
        var firstStatus = clientStatus.status(first.statusToken()).orElseThrow();
        // the partner's arrival changes nothing the first client can see
        assertThat(firstStatus).isEqualTo(waiting);
        assertThat(firstStatus.toString()).doesNotContain("Private words of Sam").doesNotContain("Sam Partner");
        assertThat(intake.isPartnerInvitationOpen(invitation)).isFalse();
        assertThat(intake.startDraft(invitation, address())).isEmpty();
    }

    @Test
    void fearOfThePartnerWithholdsTheInvitation() {
        var receipt = ((SubmissionOutcome.Submitted) intake.submit(draftWith(IntakeFixtures
                .couplesAnswers("Jordan Afraid").with("safety.partner_fear", "yes")), address(), false)).receipt();

        assertThat(receipt.partnerInvitationToken()).isNull();
        assertThat(receipt.partnerInvitationWithheld()).isTrue();
        assertThat(receipt.urgent()).isTrue();
        assertThat(jdbc.queryForObject("select couple_case_id from intake where reference = ?", Long.class,
                receipt.reference())).isNull();
    }

    @Test
    void tokensCannotBeGuessedOrUsedForAnotherRecord() {
        var receipt = ((SubmissionOutcome.Submitted) intake.submit(
                draftWith(IntakeFixtures.completeAnswers("Toni Token")), address(), false)).receipt();
        String statusToken = receipt.statusToken();

        assertThat(statusToken).hasSize(43);
        assertThat(clientStatus.status("' or 1=1 --")).isEmpty();
        assertThat(clientStatus.status(statusToken.substring(0, 42) + (statusToken.endsWith("A") ? "B" : "A"))).isEmpty();
        assertThat(intake.resumeDraft(statusToken)).isEmpty();
        assertThat(clientStatus.renewPartnerInvitation(statusToken)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from intake where status_token_hash = ?", Integer.class,
                statusToken)).isZero();
    }

    @Test
    void twoTabsSavingDifferentAnswersAtOnceBothSurvive() throws Exception {
        String token = intake.startDraft(null, address()).orElseThrow().token();
        var start = new CountDownLatch(1);
        var a = CompletableFuture.runAsync(() -> saveWhen(start, token, "about.full_name", "From tab one"));
        var b = CompletableFuture.runAsync(() -> saveWhen(start, token, "about.email", "tab2@example.org"));
        start.countDown();
        a.get();
        b.get();

        Answers saved = intake.resumeDraft(token).orElseThrow().answers();
        assertThat(saved.single("about.full_name")).contains("From tab one");
        assertThat(saved.single("about.email")).contains("tab2@example.org");
    }

    @Test
    void anExpiredDraftCanNeitherBeResumedNorSaved() {
        String token = draftWith(IntakeFixtures.completeAnswers("Ellis Expired"));
        jdbc.update("update intake_draft set expires_at = now() - interval '1 minute' where token_hash = ?",
                app.thaw.base.domain.SecretToken.hash(token));

        assertThat(intake.resumeDraft(token)).isEmpty();
        assertThat(intake.saveAnswers(token, Map.of("about.phone", List.of("07700 900000")), null)).isFalse();
        assertThat(intake.submit(token, address(), false)).isInstanceOf(SubmissionOutcome.Refused.class);
    }

    @Test
    void aFilledHoneypotIsRefusedWithAnExplanationAndNothingIsStored() {
        String token = draftWith(IntakeFixtures.completeAnswers("Bot Bottington"));

        var outcome = intake.submit(token, address(), true);

        assertThat(outcome).isInstanceOf(SubmissionOutcome.Refused.class);
        assertThat(((SubmissionOutcome.Refused) outcome).message()).contains("Leave this empty");
        assertThat(jdbc.queryForObject("select count(*) from intake where full_name = 'Bot Bottington'",
                Integer.class)).isZero();
        assertThat(intake.resumeDraft(token)).isPresent();
    }

    @Test
    void oneAddressSendingFormAfterFormIsAskedToWait() {
        String address = address();
        String token = draftWith(IntakeFixtures.completeAnswers("Rate Limited"));
        SubmissionOutcome last = null;
        for (int i = 0; i < 60 && !(last instanceof SubmissionOutcome.TooManyRequests); i++) {
            last = intake.submit(token, address, false);
        }
        assertThat(last).isInstanceOf(SubmissionOutcome.TooManyRequests.class);
        assertThat(intake.submit(token, address(), false)).isInstanceOf(SubmissionOutcome.AlreadySubmitted.class);
    }

    @Test
    void theDatabaseKeepsSubmittedAnswersImmutableAndCouplesToTwo() {
        var receipt = ((SubmissionOutcome.Submitted) intake.submit(
                draftWith(IntakeFixtures.completeAnswers("Immutable Isa")), address(), false)).receipt();

        Throwable changed = catchThrowable(() -> jdbc.update(
                "update intake set answers = '{}'::jsonb where reference = ?", receipt.reference()));
        Throwable badReference = catchThrowable(() -> jdbc.update(
                "update intake set reference = 'THW-IIIIII' where reference = ?", receipt.reference()));

        assertThat(changed).hasMessageContaining("cannot be changed");
        assertThat(badReference).hasMessageContaining("intake_reference_ck");
        assertThat(jdbc.update("update intake set status = 'IN_REVIEW' where reference = ?", receipt.reference()))
                .isEqualTo(1);
    }

    private String draftWith(Answers answers) {
        String token = intake.startDraft(null, address()).orElseThrow().token();
        assertThat(intake.saveAnswers(token, answers.asMap(), "consent")).isTrue();
        return token;
    }

    private SubmissionOutcome submitWhen(CountDownLatch start, String token) {
        await(start);
        return intake.submit(token, address(), false);
    }

    private void saveWhen(CountDownLatch start, String token, String item, String value) {
        await(start);
        intake.saveAnswers(token, Map.of(item, List.of(value)), "about");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each test its own client address, so the per-address rate limit only bites where a test wants it. */
    private static String address() {
        return "10.0." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
    }
}
