package app.thaw.outcomes;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.security.Roles;

/**
 * The erasure path for outcome measures: the therapist's free-text notes on the client's alerts become empty, and the
 * client's links stop working. Choices and scores stay, as the intake's do (they are what the results count).
 */
@Service
public class OutcomeErasure {

    private final JdbcTemplate jdbc;

    OutcomeErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public void eraseFreeText(CaseGrant grant) {
        long intakeId = grant.requireFor(CaseOperation.ERASE).intakeId();
        jdbc.update("update measure_alert set note = null where intake_id = ? and note is not null", intakeId);
        jdbc.update("delete from measure_link where request_id in (select id from measure_request where intake_id = ?)",
                intakeId);
    }
}
