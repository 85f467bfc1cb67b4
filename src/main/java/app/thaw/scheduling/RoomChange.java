package app.thaw.scheduling;

import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

/** What a room's change left to decide: sessions still booked in a room just taken out of use, and the first. */
public record RoomChange(int sessionsStillBooked, @Nullable ZonedDateTime first) {

    static final RoomChange NONE = new RoomChange(0, null);
}
