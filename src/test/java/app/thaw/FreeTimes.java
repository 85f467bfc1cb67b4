package app.thaw;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Session times no other test in this JVM is given: tests share one database and one therapist, so random times
 * collided now and then and a fixture's booking failed for a reason that had nothing to do with the test.
 */
public final class FreeTimes {

    private static final LocalDate FIRST_MONDAY = LocalDate.of(2050, 1, 3);
    private static final int SESSIONS_A_DAY = 4;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private FreeTimes() {
    }

    /** A weekday start at 09:00, 11:00, 13:00 or 15:00, two hours clear of every other time handed out. */
    public static ZonedDateTime next() {
        int index = NEXT.getAndIncrement();
        int weekday = index / SESSIONS_A_DAY;
        LocalDate day = FIRST_MONDAY.plusWeeks(weekday / 5).plusDays(weekday % 5);
        assert day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        return ZonedDateTime.of(day, LocalTime.of(9 + 2 * (index % SESSIONS_A_DAY), 0), Application.PRACTICE_ZONE);
    }
}
