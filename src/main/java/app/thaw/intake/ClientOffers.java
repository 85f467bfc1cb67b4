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

    /**
     * {@code note}: what came of the last offer when nothing is open (chosen by the partner, lapsed); {@code forBoth}:
     * a couple's offer, sent to each partner, where the first to choose books the joint session for both.
     */
    record Offered(List<Time> times, @Nullable Instant openUntil, @Nullable String note, boolean forBoth) {

        public Offered(List<Time> times, @Nullable Instant openUntil, @Nullable String note) {
            this(times, openUntil, note, false);
        }

        public static Offered none() {
            return new Offered(List.of(), null, null);
        }

        /** The words above the times, until {@code keptUntil}; a couple are told one choice books for them both. */
        public String howToChoose(String keptUntil) {
            return forBoth ? "We are keeping these times for you both until " + keptUntil + ". We have sent them to "
                    + "each of you, and the first of you to choose one books it for you both straight away, so "
                    + "please agree on a time together before you choose."
                    : "We are keeping these times for you until " + keptUntil + ". Choose the one that suits you; "
                    + "it is booked straight away.";
        }
    }

    record Time(long slotId, ZonedDateTime start, ZonedDateTime end, String label, String where,
                String therapistName) {
    }

    /** {@code booked}: the session is booked; otherwise the message says kindly why not and what to do. */
    record Choice(boolean booked, String message) {
    }
}
