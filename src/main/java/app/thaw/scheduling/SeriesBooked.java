package app.thaw.scheduling;

import java.util.List;
import java.util.UUID;

/** A weekly or fortnightly series was booked: its clients get one email with every date, not one per session. */
public record SeriesBooked(UUID seriesId, List<AppointmentNotice> sessions) {

    public SeriesBooked {
        sessions = List.copyOf(sessions);
    }
}
