package app.thaw.scheduling;

/** A session was cancelled, by the client or by the practice; the reason is never sent to anyone. */
public record AppointmentCancelled(AppointmentNotice notice, boolean byClient) {
}
