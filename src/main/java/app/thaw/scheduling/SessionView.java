package app.thaw.scheduling;

import java.time.ZonedDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A session as calendars and lists show it: client names and references, no clinical content. */
public record SessionView(long id, long intakeId, String clientReference, String clientName,
                          @Nullable Long partnerIntakeId, @Nullable String partnerName, long therapistId,
                          String therapistName, @Nullable Long roomId, @Nullable String roomName, long typeId,
                          String typeLabel, SessionFormat format, ZonedDateTime start, ZonedDateTime end,
                          AppointmentState state, @Nullable UUID seriesId, boolean changeRequested) {

    public String clients() {
        return partnerName == null ? clientName : clientName + " & " + partnerName;
    }
}
