package app.thaw.intake;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.base.web.PublicUrl;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.domain.EncryptedColumns;

/**
 * The client's status link for the practice's booking emails: kept (encrypted) at submission only when the client said
 * email is safe, and given out only while that still holds. Never logged.
 */
@Component
class StatusLinksForEmail implements ClientEmailLinks {

    private final JdbcTemplate jdbc;
    private final EncryptedColumns.StatusLinkToken sealed;
    private final PublicUrl publicUrl;

    StatusLinksForEmail(JdbcTemplate jdbc, EncryptedColumns.StatusLinkToken sealed, PublicUrl publicUrl) {
        this.jdbc = jdbc;
        this.sealed = sealed;
        this.publicUrl = publicUrl;
    }

    /** Inside the submission's transaction, for a client who said email is safe. */
    void keep(long intakeId, String statusToken) {
        jdbc.update("insert into client_status_link (intake_id, token) values (?, ?)", intakeId,
                sealed.convertToDatabaseColumn(statusToken));
    }

    @Override
    public Optional<String> statusLinkForEmail(CaseGrant grant) {
        long intakeId = grant.requireFor(CaseOperation.READ_BOOKING_DETAILS).intakeId();
        return jdbc.query("""
                select l.token from client_status_link l join intake i on i.id = l.intake_id
                 where l.intake_id = ? and i.email_safe""",
                rs -> rs.next() ? Optional.of(publicUrl.link("status/" + sealed.convertToEntityAttribute(
                        rs.getString(1)))) : Optional.<String>empty(), intakeId);
    }
}
