package app.thaw.waitlist;

import java.time.Instant;

/** An offer made: how many times are held, until when, and how many clients were emailed their link. */
public record OfferMade(long offerId, int times, Instant openUntil, int emailed) {
}
