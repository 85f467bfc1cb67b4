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
     * Cancels the client's own session at once (inside the notice period recorded as a late cancellation); a joint
     * session's cancellation, and any rearranging, is a request for staff. Returns what happened. A session that
     * isn't the client's own answers as one that does not exist.
     */
    String requestChange(VerifiedClient client, long appointmentId, boolean cancel, @Nullable String message);

    /**
     * What came of the client's recent requests to cancel or rearrange (the practice moved or cancelled the session as
     * asked, or dealt with it otherwise), newest first, for their status page to say so.
     */
    default List<RequestUpdate> requestUpdates(VerifiedClient client) {
        return List.of();
    }

    /**
     * Free times the client may move this session to themselves: none for a joint session or one inside the notice
     * period (those go through the practice). From {@code from} (never today unless the case is urgent), two weeks.
     */
    default List<FreeTime> freeTimes(VerifiedClient client, long appointmentId, java.time.@Nullable LocalDate from) {
        return List.of();
    }

    /**
     * Moves the client's own session to one of the free times; refused kindly when the time has just gone, when the
     * session is no longer theirs to move, or when a safety gate asks the practice to speak to them first.
     */
    default Change moveTo(VerifiedClient client, long appointmentId, ZonedDateTime newStart) {
        return new Change(false, "Please call the practice to rearrange your session.");
    }

    /** A time the session could move to, and where it would be. */
    record FreeTime(ZonedDateTime start, ZonedDateTime end, String where) {
    }

    /** What came of a change the client made themselves, in words for them. */
    record Change(boolean done, String message) {
    }

    /** One request and what came of it, in words for the client; {@code open} while the practice has yet to act. */
    record RequestUpdate(String text, boolean open, java.time.Instant askedAt) {
    }

    /**
     * @param cancellableOnline the client may cancel it here at once (not joint); when {@code late}, as a late one
     * @param changeRequested this client (never their partner) has asked to change it and staff haven't answered
     * @param joint           a session with their partner: changing it always goes through the practice
     * @param movableOnline   the client may move it here to a free time (not joint, outside the notice period)
     * @param late            inside the practice's notice period: a cancellation now is recorded as late
     */
    record Session(long appointmentId, ZonedDateTime start, ZonedDateTime end, String label, String where,
                   String therapistName, boolean cancellableOnline, boolean changeRequested, boolean joint,
                   boolean movableOnline, boolean late) {

        public Session(long appointmentId, ZonedDateTime start, ZonedDateTime end, String label, String where,
                       String therapistName, boolean cancellableOnline, boolean changeRequested, boolean joint) {
            this(appointmentId, start, end, label, where, therapistName, cancellableOnline, changeRequested, joint,
                    false, false);
        }
    }

    /**
     * @param earlierSessions sessions of theirs that have already taken place (or were due to)
     * @param withPartner     a session with their partner, held or to come: the couple's work has begun
     */
    record ClientDiary(List<Session> upcoming, int earlierSessions, boolean withPartner) {

        public ClientDiary {
            upcoming = List.copyOf(upcoming);
        }

        public static final ClientDiary EMPTY = new ClientDiary(List.of(), 0, false);
    }
}
