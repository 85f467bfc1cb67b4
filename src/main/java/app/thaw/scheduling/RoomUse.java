package app.thaw.scheduling;

import java.sql.Timestamp;
import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.Application;

/**
 * A room taken out of use takes no new session on any path: times held in it are let go, a held time still chosen is
 * refused, and the practice manager hears which sessions already booked there still go ahead.
 */
@Component
class RoomUse {

    private final JdbcTemplate jdbc;
    // asked when a room closes: the waiting list that lets go also reads the rooms through the diary's service
    private final ObjectProvider<RoomsOutOfUse> letGo;
    private final Clock clock;

    RoomUse(JdbcTemplate jdbc, ObjectProvider<RoomsOutOfUse> letGo, Clock clock) {
        this.jdbc = jdbc;
        this.letGo = letGo;
        this.clock = clock;
    }

    /** Lets go of what is held in the room; returns the sessions still to come there, which go ahead unless moved. */
    RoomChange outOfUse(long roomId) {
        letGo.orderedStream().forEach(feature -> feature.letGo(roomId));
        return jdbc.queryForObject("""
                select count(*), min(starts_at) from appointment
                 where room_id = ? and state = 'BOOKED' and starts_at > ?""", (rs, i) -> new RoomChange(rs.getInt(1),
                rs.getTimestamp(2) == null ? null
                        : rs.getTimestamp(2).toInstant().atZone(Application.PRACTICE_ZONE)),
                roomId, Timestamp.from(clock.instant()));
    }

    boolean inUse(@Nullable Long roomId) {
        return roomId == null || Boolean.TRUE.equals(jdbc.queryForObject(
                "select coalesce((select active from room where id = ?), false)", Boolean.class, roomId));
    }
}
