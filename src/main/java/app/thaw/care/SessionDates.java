package app.thaw.care;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import app.thaw.Application;

/** Dates as audit lines name a session: the day and time, nothing of what was said. */
final class SessionDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK)
            .withZone(Application.PRACTICE_ZONE);

    private SessionDates() {
    }

    static String day(Instant start) {
        return DAY.format(start);
    }
}
