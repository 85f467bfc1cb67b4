package app.thaw.care;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import app.thaw.base.PracticeTime;

/** Dates as audit lines name a session: the day and time, nothing of what was said. */
final class SessionDates {

    private static final DateTimeFormatter DAY = PracticeTime.DAY_DATE_TIME;

    private SessionDates() {
    }

    static String day(Instant start) {
        return DAY.format(start);
    }
}
