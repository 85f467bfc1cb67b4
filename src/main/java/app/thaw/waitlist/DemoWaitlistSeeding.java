package app.thaw.waitlist;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.security.Roles;

/**
 * Demo data only (ADR 18): the {@code dev} feature's clients joined the list when they were referred, days ago, not
 * when the demo was made, so the list shows how long people wait. The bean exists in the dev profile alone.
 */
@Component
@Profile("dev")
public class DemoWaitlistSeeding {

    private final JdbcTemplate jdbc;

    public DemoWaitlistSeeding(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The case's waiting place (a couple's, whichever partner is named) dates from {@code since}. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed(Roles.SYSTEM)
    public void waitingSince(CaseGrant grant, Instant since) {
        long intakeId = grant.requireFor(CaseOperation.READ_BOOKING_DETAILS).intakeId();
        jdbc.update("""
                update waitlist_entry set added_at = ?
                 where (intake_id = ? or partner_intake_id = ?) and state = 'WAITING'""",
                Timestamp.from(since), intakeId, intakeId);
    }
}
