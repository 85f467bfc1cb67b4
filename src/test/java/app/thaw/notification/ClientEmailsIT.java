package app.thaw.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.SubmissionOutcome;

/**
 * Emails to clients outside sessions: a partner's invitation queued once without its secret in the key, and an intake
 * receipt that says nothing clinical.
 */
@IntegrationTest
class ClientEmailsIT extends OutboxTestSupport {

    @Test
    void partnerInvitationIsQueuedOnceAndItsKeyDoesNotHoldTheSecretLink() {
        String secret = UUID.randomUUID().toString();
        String link = "https://thaw.example/intake?invitation=" + secret;
        String email = "partner." + secret + "@example.org";

        assertThat(clientEmails.sendPartnerInvitation(app.thaw.base.ids.IntakeId.of(1), email, "Alex", link)).isTrue();
        assertThat(clientEmails.sendPartnerInvitation(app.thaw.base.ids.IntakeId.of(1), email, "Alex", link)).isFalse();

        var row = jdbc.queryForMap("select * from outbox_message where recipient = ?", email);
        assertThat(row.get("kind")).isEqualTo("PARTNER_INVITATION");
        assertThat((String) row.get("idempotency_key")).startsWith("intake-1/invitation/").doesNotContain(secret);
        assertThat((String) row.get("body_text")).contains(link, "Alex has asked us");
        assertThatThrownBy(() -> clientEmails.sendPartnerInvitation(app.thaw.base.ids.IntakeId.of(1), email, "Alex", "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSubmittedIntakeGetsAReceiptThatGreetsByPreferredNameAndSaysNothingElse() {
        String email = "client." + UUID.randomUUID() + "@example.org";
        String token = intake.startDraft(null, address()).orElseThrow().token();
        intake.saveAnswers(token, IntakeFixtures.completeAnswers("Morgan Receipt")
                .with("about.preferred_name", "Mo").with("about.email", email).asMap(), "consent");

        var receipt = ((SubmissionOutcome.Submitted) intake.submit(token, address(), false)).receipt();

        var row = jdbc.queryForMap("select * from outbox_message where recipient = ?", email);
        assertThat(row.get("kind")).isEqualTo("INTAKE_RECEIVED");
        assertThat((String) row.get("body_text")).startsWith("Dear Mo,").contains(receipt.reference())
                .doesNotContain("Morgan").doesNotContain("dad");
        // a random reference could spell a short word, so it is left out of the check
        TestNotices.assertNothingClinical(((String) row.get("body_text")).replace(receipt.reference(), ""));
        TestNotices.assertNothingClinical((String) row.get("subject"));
    }
}
