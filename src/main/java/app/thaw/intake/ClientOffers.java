package app.thaw.intake;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import app.thaw.base.ids.HeldSlotId;

/**
 * What the client's status page shows of times the practice offered them, implemented by the waiting list (which
 * depends on intake, never the reverse). Calls come from anonymous clients holding a status token already checked here.
 */
public interface ClientOffers {

    /** The times the client's case may still choose from, soonest first, and a word on any offer just settled. */
    Offered offered(VerifiedClient client);

    /** Books the chosen time for the case (both partners of a couple); returns what happened, in words for the client. */
    Choice choose(VerifiedClient client, HeldSlotId slotId);

    /** {@code note}: what came of the last offer when nothing is open (chosen by the partner, lapsed). */
    record Offered(List<Time> times, @Nullable Instant openUntil, @Nullable String note) {

        public static Offered none() {
            return new Offered(List.of(), null, null);
        }
    }

    record Time(long slotId, ZonedDateTime start, ZonedDateTime end, String label, String where,
                String therapistName) {
    }

    /** {@code booked}: the session is booked; otherwise the message says kindly why not and what to do. */
    record Choice(boolean booked, String message) {
    }
}
