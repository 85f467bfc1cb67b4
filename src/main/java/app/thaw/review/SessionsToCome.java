package app.thaw.review;

import java.time.ZonedDateTime;
import java.util.List;

import app.thaw.caseaccess.CaseGrant;

/**
 * A client's booked sessions still to come (one under way included), joint ones too; the diary implements it. Neither
 * therapy ends nor a case is closed while any is left, so nobody is reminded of, or turns up to, a session of a course
 * already over (a review session booked after therapy ended is still allowed).
 */
public interface SessionsToCome {

    /**
     * Until the caller's transaction ends, a booking for these clients waits, and then finds their cases as this
     * transaction left them: what {@link #of} reads afterwards stays true until the caller commits. Closing and
     * erasure take it first, before any row, in the order a client's choice of an offered time takes its locks.
     */
    void hold(List<CaseGrant> clients);

    /** Their start times, soonest first; empty when none. */
    List<ZonedDateTime> of(CaseGrant client);
}
