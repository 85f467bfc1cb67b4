package app.thaw.scheduling;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A weekly or fortnightly series was booked: its clients get one email with every date, not one per session, and one
 * recurring calendar event. {@code planned}: every start the recurrence gave, booked or not (a date that clashed is
 * left out of the event as an exception); {@code intervalWeeks}: 1 weekly, 2 fortnightly.
 */
public record SeriesBooked(UUID seriesId, List<AppointmentNotice> sessions, int intervalWeeks,
                           List<ZonedDateTime> planned) {

    public SeriesBooked {
        sessions = List.copyOf(sessions);
        planned = List.copyOf(planned);
    }
}
