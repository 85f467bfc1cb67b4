package app.thaw.scheduling;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a client may be told about one session: who, when, where. Never anything clinical, so it is safe
 * for emails and calendar invitations. {@code joint}: a session with a partner, which a client changes only by asking
 * the practice (said in the emails without saying why).
 */
public record AppointmentNotice(long appointmentId, List<Recipient> recipients, ZonedDateTime start,
                                ZonedDateTime end, String sessionLabel, SessionFormat format,
                                @Nullable String roomName, String therapistName, int sequence,
                                @Nullable String meetingLink, @Nullable Occurrence occurrence, boolean joint) {

    public AppointmentNotice(long appointmentId, List<Recipient> recipients, ZonedDateTime start, ZonedDateTime end,
                             String sessionLabel, SessionFormat format, @Nullable String roomName,
                             String therapistName, int sequence, @Nullable String meetingLink,
                             @Nullable Occurrence occurrence) {
        this(appointmentId, recipients, start, end, sessionLabel, format, roomName, therapistName, sequence,
                meetingLink, occurrence, false);
    }

    public AppointmentNotice(long appointmentId, List<Recipient> recipients, ZonedDateTime start, ZonedDateTime end,
                             String sessionLabel, SessionFormat format, @Nullable String roomName,
                             String therapistName, int sequence, @Nullable String meetingLink) {
        this(appointmentId, recipients, start, end, sessionLabel, format, roomName, therapistName, sequence,
                meetingLink, null);
    }

    public AppointmentNotice(long appointmentId, List<Recipient> recipients, ZonedDateTime start, ZonedDateTime end,
                             String sessionLabel, SessionFormat format, @Nullable String roomName,
                             String therapistName, int sequence) {
        this(appointmentId, recipients, start, end, sessionLabel, format, roomName, therapistName, sequence, null);
    }

    /**
     * A session of a series: clients' calendars hold the series as one recurring event, so a change to this session
     * names its planned start ({@code originalStart}, RECURRENCE-ID) within the series' event.
     */
    public record Occurrence(UUID seriesId, ZonedDateTime originalStart) {
    }

    /** The same notice, with its meeting link (online sessions). */
    public AppointmentNotice withMeetingLink(@Nullable String link) {
        return new AppointmentNotice(appointmentId, recipients, start, end, sessionLabel, format, roomName,
                therapistName, sequence, link, occurrence, joint);
    }

    /** An online session whose video link is not set yet: the client is told it will be sent, never given a guess. */
    public boolean linkToFollow() {
        return format == SessionFormat.ONLINE && meetingLink == null;
    }

    /** A client to tell, by the name they asked to be called; {@code intakeId} names their case (for their link). */
    public record Recipient(@Nullable String email, String name, @Nullable Long intakeId) {

        public Recipient(String email, String name) {
            this(email, name, null);
        }

        /** The address of a client an email goes to; senders check there is one (email safe) first. */
        public String address() {
            return Objects.requireNonNull(email, "only a client with an address is emailed");
        }
    }
}
