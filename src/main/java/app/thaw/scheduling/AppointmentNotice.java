package app.thaw.scheduling;

import java.time.ZonedDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a client may be told about one session: who, when, where. Never anything clinical, so it is safe
 * for emails and calendar invitations.
 */
public record AppointmentNotice(long appointmentId, List<Recipient> recipients, ZonedDateTime start,
                                ZonedDateTime end, String sessionLabel, SessionFormat format,
                                @Nullable String roomName, String therapistName, int sequence,
                                @Nullable String meetingLink) {

    public AppointmentNotice(long appointmentId, List<Recipient> recipients, ZonedDateTime start, ZonedDateTime end,
                             String sessionLabel, SessionFormat format, @Nullable String roomName,
                             String therapistName, int sequence) {
        this(appointmentId, recipients, start, end, sessionLabel, format, roomName, therapistName, sequence, null);
    }

    /** A client to tell, by the name they asked to be called; {@code intakeId} names their case (for their link). */
    public record Recipient(String email, String name, @Nullable Long intakeId) {

        public Recipient(String email, String name) {
            this(email, name, null);
        }
    }
}
