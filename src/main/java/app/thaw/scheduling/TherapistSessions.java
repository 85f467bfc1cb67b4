package app.thaw.scheduling;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;


/**
 * What the calendar feed needs from the diary; implemented by scheduling. Called as {@code SYSTEM}
 * (an anonymous calendar app fetches the feed; its secret link is the check).
 */
public interface TherapistSessions {

    /** The therapist's booked (not cancelled) sessions starting in [from, to), in start order. */
    List<Session> upcoming(long therapistId, Instant from, Instant to);

    /**
     * One session as it may appear in a calendar app outside the practice: clients by initials only
     * (full names given here are cut down to initials anyway).
     */
    record Session(long appointmentId, Instant start, Instant end, String sessionLabel, SessionFormat format,
                   @Nullable String roomName, List<String> clientInitials, int sequence) {

        public Session {
            clientInitials = List.copyOf(clientInitials);
        }
    }
}
