package app.thaw.scheduling;

/** A session was booked; published inside the booking transaction. */
public record AppointmentBooked(AppointmentNotice notice) {
}
