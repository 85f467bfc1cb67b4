package app.thaw.scheduling;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.scheduling.domain.BusyTime;

/**
 * Times held for offers (waitlist), as the diary's claims record them: the slot finder treats them as taken and a
 * refused booking says so. Reads the shared claims table only, never the offers themselves.
 */
@Component
class HeldTimes {

    private final JdbcTemplate jdbc;

    HeldTimes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<BusyTime> forTherapist(long therapistId, Instant from, Instant to) {
        return jdbc.query("""
                select lower(during), upper(during), room_id from diary_claim
                 where held_slot_id is not null and therapist_id = ? and during && tstzrange(?, ?)""",
                (rs, i) -> busy(rs), therapistId, Timestamp.from(from), Timestamp.from(to));
    }

    List<BusyTime> forRooms(Collection<Long> roomIds, Instant from, Instant to) {
        if (roomIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select lower(during), upper(during), room_id from diary_claim
                 where held_slot_id is not null and room_id = any(?) and during && tstzrange(?, ?)""",
                (rs, i) -> busy(rs), roomIds.toArray(Long[]::new), Timestamp.from(from), Timestamp.from(to));
    }

    /** Until when a held time in the way of this booking is held, if one is. */
    Optional<Instant> heldUntil(long therapistId, @Nullable Long roomId, Instant from, Instant to) {
        return jdbc.query("""
                select held_until from diary_claim
                 where held_slot_id is not null and (therapist_id = ? or room_id = ?) and during && tstzrange(?, ?)
                 order by held_until limit 1""", (rs, i) -> rs.getTimestamp(1).toInstant(), therapistId,
                roomId == null ? -1L : roomId, Timestamp.from(from), Timestamp.from(to)).stream().findFirst();
    }

    private static BusyTime busy(java.sql.ResultSet rs) throws java.sql.SQLException {
        long room = rs.getLong(3);
        return new BusyTime(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), rs.wasNull() ? null : room);
    }
}
