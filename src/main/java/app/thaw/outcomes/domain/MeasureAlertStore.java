package app.thaw.outcomes.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;

/** The repeat-measure risk alerts (V70): opened by a risk answer, acknowledged by the case's therapist. */
/* A repository (Spring Data's marker): internal to outcomes, which Modulith keeps out of views and other features. */
@org.springframework.stereotype.Repository
public class MeasureAlertStore implements Repository<MeasureAlertStore.Alert, Long> {

    public record Alert(long id, long intakeId, String rules, Instant createdAt, @Nullable Instant acknowledgedAt) {
    }

    private final JdbcTemplate jdbc;
    private final AlertNoteColumn noteColumn;

    MeasureAlertStore(JdbcTemplate jdbc, AlertNoteColumn noteColumn) {
        this.jdbc = jdbc;
        this.noteColumn = noteColumn;
    }

    /** Opens an alert; returns its id. */
    public long openAlert(long intakeId, long responseId, String rules, Instant at) {
        return Objects.requireNonNull(jdbc.queryForObject("insert into measure_alert (intake_id, response_id, rules, "
                + "created_at) values (?, ?, ?, ?) returning id", Long.class, intakeId, responseId, rules,
                Timestamp.from(at)), "returning id");
    }

    public List<Alert> alerts(long intakeId) {
        return jdbc.query("select id, intake_id, rules, created_at, acknowledged_at from measure_alert "
                + "where intake_id = ? order by created_at desc", (rs, n) -> new Alert(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null
                        : rs.getTimestamp(5).toInstant()), intakeId);
    }

    public boolean hasOpenAlert(long intakeId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from measure_alert where intake_id = ? and acknowledged_at is null)",
                Boolean.class, intakeId));
    }

    /** Acknowledges every open alert of the client; returns how many there were. */
    public int acknowledge(long intakeId, long staffId, String note, Instant at) {
        return jdbc.update("""
                update measure_alert set acknowledged_at = ?, acknowledged_by = ?, note = ?
                 where intake_id = ? and acknowledged_at is null""", Timestamp.from(at), staffId, noteColumn.convertToDatabaseColumn(note), intakeId);
    }
}
