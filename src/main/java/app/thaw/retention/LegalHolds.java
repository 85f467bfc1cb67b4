package app.thaw.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.base.domain.Erased;

/** The legal_hold table: at most one hold in force per client, cleared holds kept as history. */
@Component
class LegalHolds {

    private final JdbcTemplate jdbc;

    LegalHolds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isHeld(long intakeId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from legal_hold where intake_id = ? and cleared_at is null)", Boolean.class,
                intakeId));
    }

    Optional<LegalHold> current(long intakeId, String reference, Map<Long, String> staffNames) {
        return jdbc.query("select reason, set_by, set_at from legal_hold where intake_id = ? and cleared_at is null",
                (rs, row) -> new LegalHold(reference, rs.getString("reason"),
                        staffNames.getOrDefault(rs.getLong("set_by"), "Former staff member"),
                        rs.getTimestamp("set_at").toInstant()), intakeId).stream().findFirst();
    }

    void set(long intakeId, String reason, long staffId, Instant now) {
        jdbc.update("insert into legal_hold (intake_id, reason, set_by, set_at) values (?, ?, ?, ?)",
                intakeId, reason, staffId, Timestamp.from(now));
    }

    void clear(long intakeId, String reason, long staffId, Instant now) {
        jdbc.update("""
                update legal_hold set cleared_reason = ?, cleared_by = ?, cleared_at = ?
                 where intake_id = ? and cleared_at is null""", reason, staffId, Timestamp.from(now), intakeId);
    }

    /** An erased client's cleared holds keep their dates and who set them; the reasons may name the client. */
    void eraseReasons(long intakeId) {
        jdbc.update("update legal_hold set reason = ?, cleared_reason = ? where intake_id = ? and cleared_at is not null",
                Erased.MARKER, Erased.MARKER, intakeId);
    }
}
