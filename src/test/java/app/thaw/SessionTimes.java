package app.thaw;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Time passing for a booked session, behind the services' back: it moves, keeping its length, to a free hour a few
 * hours from now (so the day-before jobs see it) or to one long gone (so it can be marked). The database is shared by
 * every test of a JVM, so an hour another test's session holds is skipped.
 */
public final class SessionTimes {

    private SessionTimes() {
    }

    /** A few hours from now, in an hour of the next day nobody else uses. */
    public static void soon(JdbcTemplate jdbc, long appointmentId) {
        var random = ThreadLocalRandom.current();
        moveTo(jdbc, appointmentId, () -> Instant.now().plus(2, ChronoUnit.HOURS)
                .plus(random.nextInt(20 * 60), ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES), "the next day");
    }

    /** To a free hour in 2021, still booked. */
    public static void happened(JdbcTemplate jdbc, long appointmentId) {
        var random = ThreadLocalRandom.current();
        moveTo(jdbc, appointmentId, () -> ZonedDateTime.of(LocalDate.of(2021, 1 + random.nextInt(12),
                1 + random.nextInt(28)), LocalTime.of(8 + random.nextInt(10), 5 * random.nextInt(12)),
                Application.PRACTICE_ZONE).toInstant(), "2021");
    }

    private static void moveTo(JdbcTemplate jdbc, long appointmentId, Supplier<Instant> starts, String when) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Timestamp start = Timestamp.from(starts.get());
            try {
                jdbc.update("update appointment set starts_at = ?, ends_at = ?::timestamptz + (ends_at - starts_at) where id = ?",
                        start, start, appointmentId);
                return;
            } catch (DataIntegrityViolationException taken) {
                // another test's session holds that hour: try another
            }
        }
        throw new AssertionError("no free hour in " + when);
    }
}
