package app.thaw.practice;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.practice.Reports.LateCancellations;
import app.thaw.practice.Reports.Referrals;
import app.thaw.practice.Reports.SessionCounts;
import app.thaw.practice.Reports.Utilisation;

/**
 * The reports as SQL read models over the diary, the team and the intake dates (ADR 10): aggregates only, grouped by
 * UK week. They read counts, times and names of staff and rooms; no client's name and nothing clinical.
 */
@Component
class ReportQueries {

    /** A room is open when the diary is: weekdays 08:00 to 21:00. */
    static final long ROOM_MINUTES_A_DAY = 13 * 60;
    private static final String WEEK = "(date_trunc('week', a.starts_at at time zone 'Europe/London'))::date";

    private final JdbcTemplate jdbc;

    ReportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<SessionCounts> sessions(Instant from, Instant to) {
        return jdbc.query("select " + WEEK + " as week, s.display_name, count(*) as booked,"
                + " count(*) filter (where a.state = 'ATTENDED') as attended,"
                + " count(*) filter (where a.state = 'CANCELLED') as cancelled,"
                + " count(*) filter (where a.state = 'NO_SHOW') as no_show"
                + " from appointment a join staff_account s on s.id = a.therapist_id"
                + " where a.starts_at >= ? and a.starts_at < ? group by 1, 2 order by 1, 2",
                (rs, row) -> new SessionCounts(rs.getDate("week").toLocalDate(), rs.getString("display_name"),
                        rs.getInt("booked"), rs.getInt("attended"), rs.getInt("cancelled"), rs.getInt("no_show")),
                Timestamp.from(from), Timestamp.from(to));
    }

    List<LateCancellations> lateCancellations(Instant from, Instant to, Duration notice) {
        return jdbc.query("select " + WEEK + " as week, s.display_name, count(*) as by_clients,"
                // a client's own cancellation was judged late when made; older and staff-recorded ones by the times
                + " count(*) filter (where a.cancel_kind = 'LATE' or a.cancel_kind is null"
                + " and a.cancelled_at > a.starts_at - make_interval(secs => ?)) as late"
                + " from appointment a join staff_account s on s.id = a.therapist_id"
                + " where a.state = 'CANCELLED' and a.cancelled_by_client and a.starts_at >= ? and a.starts_at < ?"
                + " group by 1, 2 order by 1, 2",
                (rs, row) -> new LateCancellations(rs.getDate("week").toLocalDate(), rs.getString("display_name"),
                        rs.getInt("by_clients"), rs.getInt("late")),
                (double) notice.toSeconds(), Timestamp.from(from), Timestamp.from(to));
    }

    List<Referrals> referrals(Instant from, Instant to) {
        return jdbc.query("""
                with received as (
                    select i.submitted_at,
                           (select min(a.starts_at) from appointment a
                             where (a.intake_id = i.id or a.partner_intake_id = i.id) and a.state = 'ATTENDED') as seen
                      from intake i where i.submitted_at >= ? and i.submitted_at < ?)
                select (date_trunc('week', submitted_at at time zone 'Europe/London'))::date as week,
                       count(*) as received, count(seen) as seen,
                       percentile_cont(0.5) within group (order by extract(epoch from seen - submitted_at) / 86400)
                           filter (where seen is not null) as median_days
                  from received group by 1 order by 1""",
                (rs, row) -> {
                    double median = rs.getDouble("median_days");
                    return new Referrals(rs.getDate("week").toLocalDate(), rs.getInt("received"), rs.getInt("seen"),
                            rs.wasNull() ? null : median);
                }, Timestamp.from(from), Timestamp.from(to));
    }

    List<Utilisation> therapists(LocalDate first, LocalDate last, Instant from, Instant to, Set<LocalDate> closed) {
        Map<Long, Long> booked = bookedMinutes("therapist_id", from, to);
        Map<Long, List<WorkingMinutes.Weekly>> weekly = new HashMap<>();
        jdbc.query("select therapist_id, day_of_week, starts, ends from working_hours", rs -> {
            weekly.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new WorkingMinutes.Weekly(
                    DayOfWeek.of(rs.getInt(2)), rs.getTime(3).toLocalTime(), rs.getTime(4).toLocalTime()));
        });
        Map<Long, List<WorkingMinutes.Extra>> extras = new HashMap<>();
        jdbc.query("select therapist_id, day, starts, ends from working_exception where day between ? and ?", rs -> {
            extras.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new WorkingMinutes.Extra(
                    rs.getDate(2).toLocalDate(), rs.getTime(3).toLocalTime(), rs.getTime(4).toLocalTime()));
        }, first, last);
        Map<Long, List<WorkingMinutes.Away>> away = new HashMap<>();
        jdbc.query("select therapist_id, first_day, last_day, starts, ends from time_away"
                + " where last_day >= ? and first_day <= ?", rs -> {
                    away.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new WorkingMinutes.Away(
                            rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
                            rs.getTime(4) == null ? null : rs.getTime(4).toLocalTime(),
                            rs.getTime(5) == null ? null : rs.getTime(5).toLocalTime()));
                }, first, last);
        List<Utilisation> rows = new ArrayList<>();
        jdbc.query("select id, display_name, active from staff_account where role = 'THERAPIST' order by display_name",
                rs -> {
                    long id = rs.getLong(1);
                    if (!rs.getBoolean(3) && !booked.containsKey(id)) {
                        return;
                    }
                    long available = WorkingMinutes.between(first, last, weekly.getOrDefault(id, List.of()),
                            extras.getOrDefault(id, List.of()), away.getOrDefault(id, List.of()), closed);
                    rows.add(new Utilisation(rs.getString(2), booked.getOrDefault(id, 0L), available));
                });
        return rows;
    }

    List<Utilisation> rooms(LocalDate first, LocalDate last, Instant from, Instant to, Set<LocalDate> closed) {
        Map<Long, Long> booked = bookedMinutes("room_id", from, to);
        long openDays = first.datesUntil(last.plusDays(1))
                .filter(d -> d.getDayOfWeek().getValue() <= 5 && !closed.contains(d)).count();
        List<Utilisation> rows = new ArrayList<>();
        jdbc.query("select id, name, active from room order by lower(name), id", rs -> {
            long id = rs.getLong(1);
            if (rs.getBoolean(3) || booked.containsKey(id)) {
                rows.add(new Utilisation(rs.getString(2), booked.getOrDefault(id, 0L), openDays * ROOM_MINUTES_A_DAY));
            }
        });
        return rows;
    }

    Set<LocalDate> closedDays(LocalDate first, LocalDate last) {
        return new HashSet<>(jdbc.queryForList("select day from closed_day where not open and day between ? and ?",
                LocalDate.class, first, last));
    }

    private Map<Long, Long> bookedMinutes(String column, Instant from, Instant to) {
        Map<Long, Long> minutes = new HashMap<>();
        jdbc.query("select " + column + ", sum(extract(epoch from ends_at - starts_at)) / 60 from appointment"
                + " where state <> 'CANCELLED' and " + column + " is not null and starts_at >= ? and starts_at < ?"
                + " group by 1", rs -> {
                    minutes.put(rs.getLong(1), Math.round(rs.getDouble(2)));
                }, Timestamp.from(from), Timestamp.from(to));
        return minutes;
    }
}
