package app.thaw.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a client sees through their private status link: only their own side. Built from their own form, their
 * own sessions and their own requests, so nothing here changes when a partner sends a form, answers a question
 * or asks for a change. No answers and no risk flag, only where things stand: whoever holds the link (a partner
 * among them) learns nothing of what the client told us.
 *
 * @param contactWays       the ways they said are safe: email, phone, text, voicemail (empty: none)
 * @param earlierSessions   sessions of theirs already past, so the next one is their first only when this is 0
 * @param mayInvitePartner  they asked for couples sessions and sent the invitation, and the two have no session
 *                          together yet, so may make a new link
 */
public record ClientStatus(String reference, Instant submittedAt, Stage stage,
                           List<ClientAppointments.Session> upcoming, int earlierSessions, Set<String> contactWays,
                           boolean mayInvitePartner) {

    public ClientStatus {
        upcoming = List.copyOf(upcoming);
        contactWays = Set.copyOf(contactWays);
    }

    /** Where the client's own case stands, as they can be told it. */
    public enum Stage {
        /** Sent, not yet picked up by a therapist. */
        RECEIVED,
        /** A therapist is reading it. */
        BEING_READ,
        /** A therapist has decided the next step; nothing is booked. */
        NEXT_STEP_DECIDED,
        /** On the practice's waiting list; nothing is booked. */
        WAITING_LIST,
        /** A session of theirs is booked. */
        BOOKED,
        /** They had sessions; none is booked now. */
        NOTHING_BOOKED,
        /** Their therapy has ended (the case stays open for a while); nothing is booked. */
        ENDED,
        CLOSED
    }

    public Optional<ClientAppointments.Session> nextSession() {
        return upcoming.stream().findFirst();
    }
}
