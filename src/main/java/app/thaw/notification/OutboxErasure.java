package app.thaw.notification;

import java.util.Collection;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.base.domain.Erased;
import app.thaw.security.Roles;

/**
 * The erasure path for the emails sent to or about one client: address, subject, body, calendar file and the key (which
 * holds the address) are replaced; kind, times and delivery status stay. Anything not yet sent is withdrawn.
 */
@Service
public class OutboxErasure {

    private final JdbcTemplate jdbc;

    OutboxErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Emails about this client: every email whose key names them (receipt, partner invitation, measure links, offers),
     * session emails to their address, measure links and offers to their address queued before keys named the client,
     * and a partner's invitation sent to them (its key names the partner who invited them). Returns how many.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public int eraseEmailsTo(CaseGrant grant, String email, Collection<Long> appointmentIds) {
        long intakeId = grant.requireFor(CaseOperation.ERASE).intakeId();
        Object[] sessions = appointmentIds.toArray();
        return jdbc.update("""
                update outbox_message
                   set idempotency_key = 'erased/' || id, recipient = ?, subject = ?, body_text = ?,
                       ics = null, ics_method = null,
                       last_error = case when status = 'PENDING' then 'The client was erased' else last_error end,
                       status = case when status = 'PENDING' then 'WITHDRAWN' else status end
                 where idempotency_key like ?
                    or (appointment_id = any (?) and lower(recipient) = ?)
                    or (idempotency_key ~ '^(intake-[0-9]+/)?(measure|offer|invitation)/' and lower(recipient) = ?)""",
                statement -> {
                    statement.setString(1, Erased.MARKER);
                    statement.setString(2, Erased.MARKER);
                    statement.setString(3, Erased.MARKER);
                    statement.setString(4, "intake-" + intakeId + "/%");
                    statement.setArray(5, statement.getConnection().createArrayOf("bigint", sessions));
                    statement.setString(6, OutboxWriter.keyPart(email));
                    statement.setString(7, OutboxWriter.keyPart(email));
                });
    }
}
