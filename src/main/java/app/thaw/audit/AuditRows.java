package app.thaw.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps audit_entry rows; nulls stay nulls. */
final class AuditRows {

    private AuditRows() {
    }

    static AuditEntry entry(ResultSet rs) throws SQLException {
        long actor = rs.getLong("actor_id");
        Long actorId = rs.wasNull() ? null : actor;
        long intake = rs.getLong("intake_id");
        Long intakeId = rs.wasNull() ? null : intake;
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), actorId,
                rs.getString("actor_name"), AuditAction.valueOf(rs.getString("action")), intakeId,
                rs.getString("case_reference"), rs.getString("detail"), rs.getString("client_address"));
    }
}
