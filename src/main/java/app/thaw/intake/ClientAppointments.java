package app.thaw.intake;

import java.time.ZonedDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the client's status page needs from the diary, implemented by scheduling (which depends on intake,
 * never the reverse). Calls come from anonymous clients holding a status token already checked here.
 */
public interface ClientAppointments {

    /** Longest message a client may add to a cancel or rearrange request. */
    int MESSAGE_MAX = 500;

    /** The client's own sessions to come, joint ones included. */
    List<Session> upcoming(VerifiedClient client);

    /**
     * Cancels at once when far enough ahead, otherwise records a request for staff; returns what happened. A session
     * that isn't the client's own answers as one that does not exist.
     */
    String requestChange(VerifiedClient client, long appointmentId, boolean cancel, @Nullable String message);

    /**
     * What came of the client's recent requests to cancel or rearrange (the practice moved or cancelled the session as
     * asked, or dealt with it otherwise), newest first, for their status page to say so.
     */
    default List<RequestUpdate> requestUpdates(VerifiedClient client) {
        return List.of();
    }

    /** One request and what came of it, in words for the client; {@code open} while the practice has yet to act. */
    record RequestUpdate(String text, boolean open, java.time.Instant askedAt) {
    }

    record Session(long appointmentId, ZonedDateTime start, ZonedDateTime end, String label, String where,
                   String therapistName, boolean cancellableOnline, boolean changeRequested) {
    }
}
