package app.thaw.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.Application;
import app.thaw.review.ReviewTestData;
import app.thaw.security.NewStaffMember;
import app.thaw.security.StaffAdministration;
import app.thaw.security.StaffRole;

/**
 * For the working-week tests: therapists of their own (invited by the practice manager, so no other test's hours or
 * time away touch them), sessions booked and moved into the past as time passing would, and the type ids.
 */
public final class WorkingWeekData {

    private final ReviewTestData data;
    private final StaffAdministration team;
    private final SchedulingService scheduling;
    private final JdbcTemplate jdbc;

    public WorkingWeekData(ReviewTestData data, StaffAdministration team, SchedulingService scheduling,
                           JdbcTemplate jdbc) {
        this.data = data;
        this.team = team;
        this.scheduling = scheduling;
        this.jdbc = jdbc;
    }

    /** A new therapist, invited by the practice manager; returns their id. */
    public long therapist(String name) {
        String username = "t" + ReviewTestData.uniqueWord().toLowerCase(Locale.ROOT);
        data.as("admin", () -> team.invite(new NewStaffMember(name, username, username + "@thaw.example",
                StaffRole.THERAPIST)));
        long id = jdbc.queryForObject("select id from staff_account where username = ?", Long.class, username);
        // as if they had followed the link: no invitation is left waiting on the team page for other tests
        jdbc.update("update staff_password_link set used_at = now() where staff_id = ? and used_at is null", id);
        return id;
    }

    /** The therapist's username, with a password set (a placeholder no one can type) so tests can act as them. */
    public String signInAs(long therapistId) {
        jdbc.update("update staff_account set password_hash = '{noop}not-a-real-password' where id = ? "
                + "and password_hash is null", therapistId);
        return jdbc.queryForObject("select username from staff_account where id = ?", String.class, therapistId);
    }

    public long type(String code) {
        return jdbc.queryForObject("select id from appointment_type where code = ?", Long.class, code);
    }

    /** Books as the practice manager; the session must be booked. */
    public SessionView book(BookingRequest request) {
        BookingResult result = data.as("admin", () -> scheduling.book(request));
        assertThat(result).as("booking " + request).isInstanceOf(BookingResult.Booked.class);
        return ((BookingResult.Booked) result).session();
    }

    /**
     * Books as the practice manager at the request's time or the first hour after it (09:00 to 16:00, over the next
     * four weeks) that the therapist and the practice have free: a shared therapist's diary holds other tests'
     * sessions, and the practice its closed days. For a session a person finds in the diary a few weeks ahead.
     */
    public SessionView bookFirstFree(BookingRequest request) {
        ZonedDateTime from = request.start();
        for (int day = 0; day < 28; day++) {
            for (int hour = 9; hour <= 16; hour++) {
                ZonedDateTime start = from.toLocalDate().plusDays(day).atTime(hour, 0).atZone(from.getZone());
                if (start.isBefore(from)) {
                    continue;
                }
                BookingResult result = data.as("admin", () -> scheduling.book(request.at(start)));
                if (result instanceof BookingResult.Booked booked) {
                    return booked.session();
                }
                assertThat(result).as("booking " + request.at(start))
                        .isInstanceOfAny(BookingResult.Conflict.class, BookingResult.Unavailable.class);
            }
        }
        throw new AssertionError("No free hour in four weeks from " + from + " for " + request);
    }

    public BookingRequest online(long intakeId, long therapistId, ZonedDateTime start) {
        return new BookingRequest(intakeId, null, therapistId, type("INDIVIDUAL"), SessionFormat.ONLINE, null, start,
                null);
    }

    /** Time passes: the session moves to a free hour that has gone, still booked, as if it had just happened. */
    public void happened(long appointmentId, ZonedDateTime start) {
        long minutes = jdbc.queryForObject("select extract(epoch from ends_at - starts_at) / 60 from appointment "
                + "where id = ?", Long.class, appointmentId);
        jdbc.update("update appointment set starts_at = ?, ends_at = ? where id = ?",
                Timestamp.from(start.toInstant()), Timestamp.from(start.plusMinutes(minutes).toInstant()),
                appointmentId);
    }

    /** A weekday hour in the far past, different each call, free in every diary with high probability. */
    public static ZonedDateTime longAgo() {
        var random = ThreadLocalRandom.current();
        return ZonedDateTime.of(LocalDate.of(2020, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                LocalTime.of(8 + random.nextInt(10), 5 * random.nextInt(12)), Application.PRACTICE_ZONE);
    }

    /** A Monday years ahead (after the shipped bank holidays), different each call. */
    public static LocalDate farMonday() {
        // past the bank holidays shipped (to 2030), yet inside the ten years a hand-over looks at (2033–2038 was not)
        LocalDate first = LocalDate.of(2031, 1, 6);
        LocalDate nextYear = LocalDate.now(Application.PRACTICE_ZONE).plusYears(1);
        LocalDate from = (nextYear.isAfter(first) ? nextYear : first)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        // a Monday of its own for each caller in this JVM (random ones met: two tests booked Amira at 10:00 on one)
        return from.plusWeeks((FAR_MONDAYS_START + FAR_MONDAYS.getAndIncrement()) % (5 * 52));
    }

    private static final int FAR_MONDAYS_START = ThreadLocalRandom.current().nextInt(5 * 52);
    private static final java.util.concurrent.atomic.AtomicInteger FAR_MONDAYS =
            new java.util.concurrent.atomic.AtomicInteger();

    public static ZonedDateTime at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), Application.PRACTICE_ZONE);
    }
}
