package app.thaw.review.ui;

import java.time.Duration;
import java.time.Instant;

/** "3 days", "5 hours": how long someone has waited, in the words staff use. */
final class Waiting {

    private Waiting() {
    }

    static String since(Instant submitted, Instant now) {
        Duration waited = Duration.between(submitted, now);
        if (waited.toDays() >= 1) {
            long days = waited.toDays();
            return days + (days == 1 ? " day" : " days");
        }
        if (waited.toHours() >= 1) {
            long hours = waited.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long minutes = Math.max(0, waited.toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
