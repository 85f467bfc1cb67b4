package app.thaw.scheduling.domain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Objects;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Component;

import app.thaw.base.database.Turns;

/**
 * Writes a new session in one SQL statement, for the paths that book many times a second (a client choosing an
 * offered time, staff booking one): Hibernate's insert of the entity, with its flush, was a fifth of a choice's Java
 * time at 1 M. The diary's exclusion constraints judge the row exactly as they judge JPA's; a refusal surfaces as
 * Spring's {@link org.springframework.dao.DataIntegrityViolationException}, as it does from {@code saveAndFlush}.
 * <p>
 * Bookings into one therapist's diary take turns from the insert to the commit (a transaction-scoped advisory lock,
 * sent with the insert in one round trip): racing bookings of the same time then meet the winner's committed session
 * and end as a conflict at once, instead of deadlocking on each other's uncommitted rows in the exclusion check and
 * waiting for PostgreSQL to break the deadlock. The exclusion constraints still decide who wins; the turn only
 * orders the contenders.
 */
@Component
public class AppointmentInserts {

    private static final String TURN_THEN_INSERT = """
            select pg_advisory_xact_lock(?, ?);
            insert into appointment (intake_id, partner_intake_id, therapist_id, room_id, type_id, format,
                                     starts_at, ends_at, state, series_id, sequence, original_starts_at,
                                     created_at, created_by, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            returning id""";

    private final JdbcTemplate jdbc;

    AppointmentInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * In the caller's transaction, waits for the therapist's turn in the diary, then writes {@code fresh} (new, never
     * saved) as booked, version 0, and gives it the id of its row.
     */
    public Appointment insert(Appointment fresh) {
        Long id = jdbc.execute(TURN_THEN_INSERT, (PreparedStatementCallback<Long>) ps -> {
            set(ps, fresh);
            ps.execute();
            if (!ps.getMoreResults()) {
                throw new IncorrectResultSizeDataAccessException("the insert returns the new row's id", 1, 0);
            }
            try (ResultSet rs = ps.getResultSet()) {
                rs.next(); // an insert that did not happen threw instead
                return rs.getLong(1);
            }
        });
        fresh.inserted(Objects.requireNonNull(id, "the insert returns the new row's id"));
        return fresh;
    }

    /**
     * In the caller's transaction, waits until bookings into this therapist's diary in flight have committed, and
     * makes later ones wait until the caller's transaction ends (deactivating a therapist counts their sessions so).
     */
    public void takeTurn(long therapistId) {
        Turns.takeAlone(jdbc, Turns.DIARY, therapistId);
    }

    // every value typed, so a null costs no look-up of the parameter's type
    private static void set(PreparedStatement ps, Appointment fresh) throws java.sql.SQLException {
        ps.setInt(1, Turns.DIARY);
        ps.setInt(2, (int) fresh.getTherapistId());
        ps.setLong(3, fresh.getIntakeId());
        ps.setObject(4, fresh.getPartnerIntakeId(), Types.BIGINT);
        ps.setLong(5, fresh.getTherapistId());
        ps.setObject(6, fresh.getRoomId(), Types.BIGINT);
        ps.setLong(7, fresh.getTypeId());
        ps.setString(8, fresh.getFormat().name());
        ps.setTimestamp(9, Timestamp.from(fresh.getStartsAt()));
        ps.setTimestamp(10, Timestamp.from(fresh.getEndsAt()));
        ps.setString(11, fresh.getState().name());
        ps.setObject(12, fresh.getSeriesId(), Types.OTHER);
        ps.setInt(13, fresh.getSequence());
        ps.setTimestamp(14, fresh.getOriginalStartsAt() == null ? null
                : Timestamp.from(fresh.getOriginalStartsAt()));
        ps.setTimestamp(15, Timestamp.from(fresh.getCreatedAt()));
        ps.setObject(16, fresh.createdBy(), Types.BIGINT);
    }
}
