package app.thaw.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.base.domain.SecretToken;
import app.thaw.base.ids.OutboxMessageId;

/** The outbox itself: one row per idempotency key, and only an admin reads it, with the secrets in links hidden. */
@IntegrationTest
class OutboxIT extends OutboxTestSupport {

    @Test
    void theSameKeyTwiceMakesOneRow() {
        String key = "test/" + UUID.randomUUID();
        var email = OutgoingEmail.plain(key, EmailKind.INTAKE_RECEIVED, "once@example.org", "Hello", "Body");

        assertThat(writer.enqueue(email)).isTrue();
        assertThat(writer.enqueue(email)).isFalse();
        assertThat(writer.enqueue(OutgoingEmail.plain(key, EmailKind.INTAKE_RECEIVED, "other@example.org", "Changed",
                "Other"))).isFalse();

        assertThat(jdbc.queryForList("select recipient from outbox_message where idempotency_key = ?", String.class,
                key)).containsExactly("once@example.org");
    }

    @Test
    @WithUserDetails("admin")
    void theAdminSeesMessagesWithTheirBodiesButNotTheSecretsInLinks() {
        String email = "listed." + UUID.randomUUID() + "@example.org";
        String secret = SecretToken.generate();
        clientEmails.sendPartnerInvitation(app.thaw.base.ids.IntakeId.of(1), email, "Alex", "https://thaw.example/intake?invitation=" + secret);

        List<OutboxMessage> newest = outbox.list(null, 0, 50);
        var listed = newest.stream().filter(message -> message.recipient().equals(email)).findFirst().orElseThrow();
        assertThat(outbox.count(listed.status())).isPositive();
        assertThat(outbox.countsByStatus()).containsKey(listed.status());
        assertThat(outbox.body(OutboxMessageId.of(listed.id()))).get().asString()
                .contains("Alex has asked us", "https://thaw.example/intake?invitation=[secret hidden]")
                .doesNotContain(secret);
    }

    @Test
    @WithUserDetails("amira")
    void aTherapistCannotReadTheOutbox() {
        assertThatThrownBy(() -> outbox.list(null, 0, 10)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> outbox.body(OutboxMessageId.of(1))).isInstanceOf(AuthorizationDeniedException.class);
    }
}
