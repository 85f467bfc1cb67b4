package app.thaw.scheduling;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.security.Roles;

/**
 * The erasure path for one client's sessions: cancellation reasons and their requests' messages lose their words;
 * the sessions themselves (times, therapist, outcome) stay, so counts and attendance remain true. Joint sessions
 * with a partner lose their cancellation words too, since those may name the erased client.
 */
@Service
public class SchedulingErasure {

    private final JdbcTemplate jdbc;

    SchedulingErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the ids of the client's sessions (own and joint), so the emails about them can be found. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public List<Long> eraseFreeText(CaseGrant grant) {
        long intakeId = grant.requireFor(CaseOperation.ERASE).intakeId();
        List<Long> sessions = jdbc.queryForList(
                "select id from appointment where intake_id = ? or partner_intake_id = ? order by id", Long.class,
                intakeId, intakeId);
        jdbc.update("update appointment set cancel_reason = null where (intake_id = ? or partner_intake_id = ?)"
                + " and cancel_reason is not null", intakeId, intakeId);
        jdbc.update("""
                update appointment_request set message = null
                 where message is not null
                   and appointment_id in (select id from appointment where intake_id = ? or partner_intake_id = ?)""",
                intakeId, intakeId);
        return sessions;
    }
}
