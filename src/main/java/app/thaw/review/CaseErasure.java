package app.thaw.review;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.security.Roles;

/**
 * The erasure path for the therapist's record of one client: notes, referral reasons and the risk review note
 * lose their words (NULL, shown as the marker); factors, referral kinds, dates and authors stay for statistics.
 * Plain updates, never a read of the text, so it works the same whether the text is stored encrypted or not.
 */
@Service
public class CaseErasure {

    private final JdbcTemplate jdbc;

    CaseErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Needs the caller's erasure transaction: the notes' append-only trigger lets only that through. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public void eraseFreeText(CaseGrant grant) {
        long intakeId = grant.requireFor(CaseOperation.ERASE).intakeId();
        jdbc.update("update case_note set body = null where intake_id = ? and body is not null", intakeId);
        jdbc.update("update referral set reason = null, partner_fear_decision = null where intake_id = ?", intakeId);
        jdbc.update("update review_case set risk_acknowledgement_note = null where intake_id = ?", intakeId);
    }
}
