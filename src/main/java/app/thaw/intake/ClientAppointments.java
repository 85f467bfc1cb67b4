package app.thaw.intake;

import java.time.ZonedDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the client's status page needs from the diary, implemented by scheduling (which depends on intake,
 * never the reverse). Calls come from anonymous clients holding a status token already checked here. Everything
 * returned is the client's own: a partner's requests on a joint session are never part of it.
 */
public interface ClientAppointments {

    /** Longest message a client may add to a cancel or rearrange request. */
    int MESSAGE_MAX = 500;

    /** The client's coming sessions, soonest first, joint ones included. */
    default List<Session> upcoming(VerifiedClient client) {
        return diaryOf(client).upcoming();
    }

    /** The client's own part of the diary: coming sessions and whether any came before. */
    ClientDiary diaryOf(VerifiedClient client);

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

    /**
     * @param changeRequested this client (never their partner) has asked to change it and staff haven't answered
     * @param joint           a session with their partner: changing it always goes through the practice
     */
    record Session(long appointmentId, ZonedDateTime start, ZonedDateTime end, String label, String where,
                   String therapistName, boolean cancellableOnline, boolean changeRequested, boolean joint) {
    }

    /** @param earlierSessions sessions of theirs that have already taken place (or were due to) */
    record ClientDiary(List<Session> upcoming, int earlierSessions) {

        public ClientDiary {
            upcoming = List.copyOf(upcoming);
        }

        public static final ClientDiary EMPTY = new ClientDiary(List.of(), 0);
    }
}
