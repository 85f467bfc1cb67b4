package app.thaw.scheduling;

/** A session was booked; {@code partOfSeries}: its clients hear about it with the whole series ({@link SeriesBooked}). */
public record AppointmentBooked(AppointmentNotice notice, boolean partOfSeries) {

    public AppointmentBooked(AppointmentNotice notice) {
        this(notice, false);
    }
}
