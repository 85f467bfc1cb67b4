package app.thaw.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.IntegrationTest;
import app.thaw.base.domain.SecretToken;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeService;
import app.thaw.intake.SubmissionOutcome;

/**
 * Forged, malformed, truncated and expired capability links open nothing and crash nothing; another
 * client's link shows only that client's own record; a form sent twice, even at once, makes one intake.
 */
@IntegrationTest
class TokenAndReplayAbuseIT {

    @Autowired
    IntakeService intake;

    @Autowired

    ClientStatusService clientStatus;

    @Autowired
    JdbcTemplate jdbc;

    /** Everything a guessing or careless visitor might put where a token belongs. */
    static List<String> forgedTokens() {
        String real = SecretToken.generate();
        List<String> tokens = new ArrayList<>(List.of("", " ", "null", "x".repeat(SecretToken.LENGTH),
                real.substring(0, SecretToken.LENGTH - 1), real + "A", real.toUpperCase(),
                "é".repeat(SecretToken.LENGTH), "'; drop table intake; --" + "-".repeat(19),
                "<script>alert(1)</script>" + "_".repeat(18), "../../../../etc/passwd" + "a".repeat(21),
                "\u0000".repeat(SecretToken.LENGTH), "\uD800".repeat(SecretToken.LENGTH), HostileText.MEGABYTE,
                SecretToken.hash(real)));
        tokens.add(real);
        return tokens;
    }

    @Test
    void forgedOrMalformedTokensOpenNoDraftStatusOrInvitation() {
        long intakes = count("intake");
        for (String token : forgedTokens()) {
            assertThat(intake.resumeDraft(token)).isEmpty();
            assertThat(intake.saveAnswers(token, IntakeFixtures.completeAnswers("Nobody").asMap(), "about")).isFalse();
            assertThat(intake.submit(token, IntakeInputAbuseIT.address(), false))
                    .isInstanceOf(SubmissionOutcome.Refused.class);
            assertThat(clientStatus.status(token)).isEmpty();
            assertThat(clientStatus.appointments(token)).isEmpty();
            assertThat(clientStatus.renewPartnerInvitation(token)).isEmpty();
            assertThat(intake.isPartnerInvitationOpen(token)).isFalse();
            assertThat(intake.startDraft(token, IntakeInputAbuseIT.address())).isEmpty();
        }
        assertThat(count("intake")).isEqualTo(intakes);
    }

    @Test
    void anExpiredDraftCanNeitherBeResumedSavedNorSent() {
        String token = draft("Eli Expired");
        jdbc.update("update intake_draft set expires_at = now() - interval '1 minute' where token_hash = ?",
                SecretToken.hash(token));
        long before = count("intake");

        assertThat(intake.resumeDraft(token)).isEmpty();
        assertThat(intake.saveAnswers(token, IntakeFixtures.completeAnswers("Eli Later").asMap(), "about")).isFalse();
        var outcome = intake.submit(token, IntakeInputAbuseIT.address(), false);

        assertThat(outcome).isInstanceOfSatisfying(SubmissionOutcome.Refused.class,
                refused -> assertThat(refused.message()).contains("can no longer be sent"));
        assertThat(count("intake")).isEqualTo(before);
    }

    @Test
    void anExpiredOrUsedPartnerInvitationStartsNothingTiedToTheCouple() {
        var first = submitted(IntakeFixtures.couplesAnswers("Ro Inviter"));
        String invitation = first.receipt().partnerInvitationToken();
        assertThat(intake.isPartnerInvitationOpen(invitation)).isTrue();
        jdbc.update("update couple_case set invitation_expires_at = now() - interval '1 second' "
                + "where invitation_token_hash = ?", SecretToken.hash(invitation));

        assertThat(intake.isPartnerInvitationOpen(invitation)).isFalse();
        assertThat(intake.startDraft(invitation, IntakeInputAbuseIT.address())).isEmpty();
        assertThatThrownBy(() -> intake.emailPartnerInvitation(invitation, "partner@example.org", "Ro",
                "http://localhost/intake/partner/" + invitation))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expired");
    }

    @Test
    void anotherClientsStatusLinkShowsOnlyThatClientsOwnRecord() {
        var mine = submitted(IntakeFixtures.completeAnswers("Mina Mine"));
        var theirs = submitted(IntakeFixtures.completeAnswers("Theo Theirs"));

        var myStatus = clientStatus.status(mine.receipt().statusToken()).orElseThrow();
        var theirStatus = clientStatus.status(theirs.receipt().statusToken()).orElseThrow();

        assertThat(myStatus.reference()).isEqualTo(mine.receipt().reference());
        assertThat(theirStatus.reference()).isEqualTo(theirs.receipt().reference());
        assertThat(myStatus.toString()).doesNotContain(theirs.receipt().reference()).doesNotContain("Theo");
        // a status token is not a draft token, and the other way round
        assertThat(intake.resumeDraft(mine.receipt().statusToken())).isEmpty();
    }

    @Test
    void theSameDraftSentTwiceMakesOneIntakeAndSaysSoTheSecondTime() {
        String token = draft("Dana " + app.thaw.review.ReviewTestData.uniqueWord());
        long before = count("intake");

        var first = intake.submit(token, IntakeInputAbuseIT.address(), false);
        var second = intake.submit(token, IntakeInputAbuseIT.address(), false);

        assertThat(first).isInstanceOf(SubmissionOutcome.Submitted.class);
        String reference = ((SubmissionOutcome.Submitted) first).receipt().reference();
        assertThat(second).isEqualTo(new SubmissionOutcome.AlreadySubmitted(reference));
        assertThat(count("intake")).isEqualTo(before + 1);
    }

    @Test
    void theSameDraftSentEightTimesAtOnceMakesExactlyOneIntake() throws Exception {
        String name = "Cass " + app.thaw.review.ReviewTestData.uniqueWord();
        String token = draft(name);
        long before = count("intake");
        int senders = 8;
        var start = new CountDownLatch(1);
        List<Future<SubmissionOutcome>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            for (int i = 0; i < senders; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return intake.submit(token, IntakeInputAbuseIT.address(), false);
                }));
            }
            start.countDown();
            List<SubmissionOutcome> results = new ArrayList<>();
            for (var outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).filteredOn(SubmissionOutcome.Submitted.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(SubmissionOutcome.AlreadySubmitted.class::isInstance)
                    .hasSize(senders - 1);
        }
        assertThat(count("intake")).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from intake where full_name = ?", Long.class, name))
                .isEqualTo(1);
    }

    private String draft(String name) {
        String token = intake.startDraft(null, IntakeInputAbuseIT.address()).orElseThrow().token();
        assertThat(intake.saveAnswers(token, IntakeFixtures.completeAnswers(name).asMap(), "consent")).isTrue();
        return token;
    }

    private SubmissionOutcome.Submitted submitted(app.thaw.intake.questionnaire.Answers answers) {
        String token = intake.startDraft(null, IntakeInputAbuseIT.address()).orElseThrow().token();
        intake.saveAnswers(token, answers.asMap(), "consent");
        return (SubmissionOutcome.Submitted) intake.submit(token, IntakeInputAbuseIT.address(), false);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
