package app.thaw.notification;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.intake.ClientContactChanged;

/**
 * Emails about a client still waiting to go to an address the client no longer wants used (corrected, or email no
 * longer safe for them) are withdrawn, in the transaction of the correction: their own emails and the session emails
 * to that address. What the diary sends next goes only where, and if, the client now said it may.
 */
@Component
class ContactChangeWithdrawals {

    static final String WHY = "The client's contact details changed";

    private final JdbcTemplate jdbc;

    ContactChangeWithdrawals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ClientContactChanged changed) {
        jdbc.update("""
                update outbox_message set status = 'WITHDRAWN', last_error = ?
                 where status = 'PENDING' and lower(recipient) = ?
                   and (idempotency_key like ? or idempotency_key like 'appointment-%')""",
                WHY, OutboxWriter.keyPart(changed.previousAddress()), "intake-" + changed.intakeId() + "/%");
    }
}
