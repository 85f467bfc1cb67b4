package app.thaw.scheduling;

import org.jspecify.annotations.Nullable;

/**
 * A session was booked; {@code partOfSeries}: its clients hear about it with the whole series ({@link SeriesBooked});
 * {@code chosenBy}: the client who chose it from times offered to the case (a couple's partner hears that it was so).
 */
public record AppointmentBooked(AppointmentNotice notice, boolean partOfSeries, @Nullable Long chosenBy) {

    public AppointmentBooked(AppointmentNotice notice, boolean partOfSeries) {
        this(notice, partOfSeries, null);
    }

    public AppointmentBooked(AppointmentNotice notice) {
        this(notice, false);
    }
}
