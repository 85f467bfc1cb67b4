package app.thaw.scheduling;

import java.time.ZonedDateTime;

/** A session moved; published inside the same transaction as the move. */
public record AppointmentRescheduled(AppointmentNotice notice, ZonedDateTime previousStart) {
}
