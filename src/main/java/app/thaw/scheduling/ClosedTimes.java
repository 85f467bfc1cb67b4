package app.thaw.scheduling;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a feature lets go of when the practice closes a day, or a therapist adds time away or keeps fewer hours, in the
 * same transaction:
 * times held then for waiting clients (the waiting list), which nobody could now be seen in.
 */
public interface ClosedTimes {

    /**
     * Lets go of what is held from {@code from} to {@code to}, in one therapist's diary or, for {@code null}, in
     * everyone's; must never wait for a lock a client's choice holds (skip it instead: the choice is then refused).
     */
    void letGo(@Nullable Long therapistId, Instant from, Instant to);

    /** Lets go of what is held in the therapist's diary outside the hours they keep now; the same rule for locks. */
    void hoursNarrowed(long therapistId);
}
