package app.thaw.care;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.security.Roles;

/**
 * The erasure path for session notes: the words of notes of the client's own sessions (and their addenda) become the
 * marker; dates, authors and the course of care's events (which hold no words) stay. Notes of joint sessions are the
 * partner's record too, so they stay, as notes on the partner's intake do. Text kept from an idle sign-out is no record
 * at all: it goes, joint sessions' too.
 */
@Service
public class CareErasure {

    private final JdbcTemplate jdbc;

    CareErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public void eraseFreeText(CaseGrant grant) {
        long intakeId = grant.requireFor(CaseOperation.ERASE).intakeId();
        jdbc.update("""
                update session_note_addendum set body = null
                 where body is not null and note_id in (select id from session_note
                                                         where intake_id = ? and partner_intake_id is null)""",
                intakeId);
        jdbc.update("update session_note set body = null where intake_id = ? and partner_intake_id is null "
                + "and body is not null", intakeId);
        jdbc.update("delete from session_note_kept_text where intake_id = ? or partner_intake_id = ?", intakeId,
                intakeId);
    }
}
