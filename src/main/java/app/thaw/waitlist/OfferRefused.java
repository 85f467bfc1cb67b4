package app.thaw.waitlist;

/** An offer that cannot be made or changed, with the reason in words for the person making it. */
public class OfferRefused extends RuntimeException {

    public OfferRefused(String message) {
        super(message);
    }
}
