package app.thaw.bench.data;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The practice the generated cases come to: staff with their second factor, rooms, working weeks and leave. A resumed
 * run recomputes the same ids and diaries (same seed) without writing them again.
 */
final class Practice {

    private Practice() {
    }

    /** The practice manager and the therapists; their ids are 1 and 2…n+1 whether or not they were written now. */
    static long[] staff(JdbcTemplate jdbc, java.util.function.Supplier<String> passwordHash, int therapists,
                        boolean write) {
        long[] ids = new long[therapists];
        for (int i = 1; i <= therapists; i++) {
            ids[i - 1] = i + 1;
        }
        if (!write) {
            return ids;
        }
        String hash = passwordHash.get();
        Instant created = Instant.now();
        jdbc.update("insert into staff_account (id, username, display_name, email, password_hash, role, created_at) "
                + "values (1, ?, 'Bench Practice Manager', 'bench-admin@example.org', ?, 'ADMIN', ?)", GenerateCommand.ADMIN,
                hash, java.sql.Timestamp.from(created));
        var random = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= therapists; i++) {
            rows.add(new Object[] {ids[i - 1], GenerateCommand.therapist(i), "Dr " + IntakeAnswers.randomName(random) + " " + i,
                    GenerateCommand.therapist(i) + "@example.org", hash, java.sql.Timestamp.from(created)});
        }
        jdbc.batchUpdate("insert into staff_account (id, username, display_name, email, password_hash, role, created_at) "
                + "values (?, ?, ?, ?, ?, 'THERAPIST', ?)", rows);
        // staff sign-in needs a confirmed second factor: everyone enrolled with the bench secret, encrypted as the app does
        String secret = FreeText.store(GenerateCommand.TOTP_SECRET, "staff_second_factor.secret");
        jdbc.update("insert into staff_second_factor (staff_id, secret, created_at, confirmed_at) "
                + "select id, ?, created_at, created_at from staff_account", secret);
        return ids;
    }

    static List<Long> rooms(JdbcTemplate jdbc, int rooms, boolean write) {
        List<Long> ids = new ArrayList<>();
        for (long i = 1; i <= rooms; i++) {
            if (write) {
                jdbc.update("insert into room (id, name) values (?, ?)", i, "Room " + i);
            }
            ids.add(i);
        }
        return ids;
    }

    /**
     * Long weeks: the 2,000,000 sessions for 200 therapists over three years are ~64 a week each, so every
     * therapist works every day, 12 or 13 hours, staggered, with one week's leave a year.
     */
    static List<DiaryPlanner.Therapist> workingWeeks(JdbcTemplate jdbc, long[] therapistIds, LocalDate firstDay,
                                                     LocalDate lastDay, Random random, boolean write) {
        List<DiaryPlanner.Therapist> result = new ArrayList<>();
        List<Object[]> hours = new ArrayList<>();
        List<Object[]> leave = new ArrayList<>();
        for (long id : therapistIds) {
            int startHour = 7 + random.nextInt(2);
            int endHour = startHour + 13;
            Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
            for (DayOfWeek day : days) {
                hours.add(new Object[] {id, day.getValue(), LocalTime.of(startHour, 0), LocalTime.of(endHour, 0)});
            }
            Set<LocalDate> holidays = new HashSet<>();
            for (LocalDate year = firstDay; year.isBefore(lastDay); year = year.plusYears(1)) {
                LocalDate from = year.plusDays(random.nextInt(358));
                for (int d = 0; d < 7; d++) {
                    holidays.add(from.plusDays(d));
                    leave.add(new Object[] {id, from.plusDays(d)});
                }
            }
            result.add(new DiaryPlanner.Therapist(id, days, startHour, endHour, holidays));
        }
        if (!write) {
            return result;
        }
        jdbc.batchUpdate("insert into working_hours (therapist_id, day_of_week, starts, ends) values (?, ?, ?, ?)", hours);
        // time away is its own table since issue 15 (exceptions keep extra hours only)
        jdbc.batchUpdate("insert into time_away (therapist_id, first_day, last_day, reason, note, created_at) "
                + "values (?, ?, ?, 'ANNUAL_LEAVE', 'Annual leave', now())", leave.stream()
                .map(row -> new Object[] {row[0], row[1], row[1]}).toList());
        return result;
    }
}
