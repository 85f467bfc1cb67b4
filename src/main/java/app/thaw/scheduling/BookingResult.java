package app.thaw.scheduling;

import app.thaw.caseaccess.GateRefusal;

/** A booking either happened or says plainly why not; never a stack trace. */
public sealed interface BookingResult {

    record Booked(SessionView session) implements BookingResult {
    }

    /** The therapist or the room is already taken; the message names the session in the way. */
    record Conflict(String message) implements BookingResult {
    }

    record Invalid(String message) implements BookingResult {
    }

    /**
     * The therapist is away, the practice is closed, or the time is outside working hours. A practice manager may book
     * anyway by giving the reason ({@code overridable}); a therapist moves the session instead.
     */
    record Unavailable(String message, boolean overridable) implements BookingResult {
    }

    /** A clinical safety gate: what must happen before this session can be booked, and where to do it. */
    record Blocked(GateRefusal refusal) implements BookingResult {
    }
}
