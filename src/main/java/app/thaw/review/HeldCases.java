package app.thaw.review;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.base.database.Turns;
import app.thaw.intake.IntakeStatus;

/** Who holds which cases, read from the queue's copy of the assignee (V15) like the queue itself (ADR 3). */
@Component
class HeldCases {

    private final JdbcTemplate jdbc;

    HeldCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * In the caller's transaction, waits until assignments to this therapist in flight have committed, and makes
     * later ones wait until it ends (V183: each assignment shares this turn from its write to its commit).
     */
    void takeTurn(long therapistId) {
        Turns.takeAlone(jdbc, Turns.CASELOAD, therapistId);
    }

    Set<Long> intakeIds(long therapistId) {
        return new HashSet<>(jdbc.queryForList("select id from intake where queue_assignee_id = ?", Long.class,
                therapistId));
    }

    List<HeldCase> openCases(long therapistId) {
        return jdbc.query("""
                select id, reference, full_name, status, submitted_at from intake
                 where queue_assignee_id = ? and status not in ('ENDED', 'CLOSED')
                 order by submitted_at, id""", (rs, row) -> new HeldCase(rs.getLong("id"), rs.getString("reference"),
                rs.getString("full_name"), IntakeStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("submitted_at").toInstant()), therapistId);
    }
}
