package app.thaw.bench.browser;

import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import app.thaw.bench.load.BenchDatabase;

/** Cases of the signed-in therapist that can be booked: individual, not urgent, open; one is assigned if none. */
final class BookableCases {

    private final BenchDatabase db;
    private final String user;
    private final List<String> tried = new ArrayList<>();

    BookableCases(BenchDatabase db, String user) {
        this.db = db;
        this.user = user;
    }

    String next() throws Exception {
        try (var connection = DriverManager.getConnection(db.url(), db.username(), db.password())) {
            String mine = """
                    select i.reference from intake i join review_case rc on rc.intake_id = i.id
                      join staff_account s on s.id = rc.assigned_therapist_id
                     where lower(s.username) = lower(?) and i.couple_case_id is null and not i.urgent
                       and i.status in ('IN_REVIEW', 'REFERRED', 'WAITING', 'SCHEDULED')
                       and i.reference <> all (?) order by i.id limit 1""";
            try (var query = connection.prepareStatement(mine)) {
                query.setString(1, user);
                query.setArray(2, connection.createArrayOf("text", tried.toArray()));
                try (var rs = query.executeQuery()) {
                    if (rs.next()) {
                        tried.add(rs.getString(1));
                        return rs.getString(1);
                    }
                }
            }
            // none left: the therapist takes an unassigned one, as they would from the queue
            try (var assign = connection.prepareStatement("""
                    update review_case set assigned_therapist_id =
                           (select id from staff_account where lower(username) = lower(?))
                     where intake_id = (select i.id from intake i join review_case rc on rc.intake_id = i.id
                                         where rc.assigned_therapist_id is null and i.couple_case_id is null
                                           and not i.urgent and i.status in ('NEW', 'IN_REVIEW', 'REFERRED')
                                         order by i.id limit 1)""")) {
                assign.setString(1, user);
                if (assign.executeUpdate() == 0) {
                    throw new IllegalStateException("No case " + user + " could book");
                }
            }
        }
        return next();
    }

    /**
     * Whole hours inside the therapist's weekly hours, from three days to 400 days on (a generated 1 M diary is
     * full for months), at least 90 minutes from any session of theirs: free as far as the diary's sessions go
     * (time away and closed days are refused by the app).
     */
    List<LocalDateTime> freeTimes() throws Exception {
        try (var connection = DriverManager.getConnection(db.url(), db.username(), db.password());
             var query = connection.prepareStatement("""
                     with me as (select id from staff_account where lower(username) = lower(?)),
                     candidate as (
                       select (d::date + h.starts + make_interval(hours => n)) as local_start
                         from generate_series(current_date + 3, current_date + 400, interval '1 day') d
                         join working_hours h on h.therapist_id = (select id from me)
                                             and h.day_of_week = extract(isodow from d)
                         cross join generate_series(0, 11) n
                        where h.starts + make_interval(hours => n + 2) <= h.ends)
                     select local_start from candidate c
                      -- the practice's closed days and the therapist's time away refuse a booking or a move
                      where not exists (select 1 from closed_day cd
                                         where cd.day = c.local_start::date and not cd.open)
                        and not exists (select 1 from time_away ta
                                         where ta.therapist_id = (select id from me)
                                           and c.local_start::date between ta.first_day and ta.last_day)
                        and not exists (select 1 from appointment a
                                         where a.therapist_id = (select id from me) and a.state <> 'CANCELLED'
                                           -- a session lasts at most 4 hours: the index reads a few rows, not
                                           -- every earlier session of a full generated diary
                                           and a.starts_at > (c.local_start at time zone 'Europe/London')
                                                             - interval '330 minutes'
                                           and a.starts_at < (c.local_start at time zone 'Europe/London')
                                                             + interval '150 minutes'
                                           and a.ends_at > (c.local_start at time zone 'Europe/London')
                                                           - interval '90 minutes')
                      order by local_start limit 40""")) {
            query.setString(1, user);
            List<LocalDateTime> times = new ArrayList<>();
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    times.add(rs.getTimestamp(1).toLocalDateTime());
                }
            }
            return times;
        }
    }

    long lastBooked(String reference) throws Exception {
        try (var connection = DriverManager.getConnection(db.url(), db.username(), db.password());
             var query = connection.prepareStatement("""
                     select a.id from appointment a join intake i on i.id = a.intake_id
                      where i.reference = ? and a.state = 'BOOKED' order by a.id desc limit 1""")) {
            query.setString(1, reference);
            try (var rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("The booking of " + reference + " is not in the database");
                }
                return rs.getLong(1);
            }
        }
    }

    long intakes() throws Exception {
        try (var connection = DriverManager.getConnection(db.url(), db.username(), db.password());
             var rs = connection.createStatement().executeQuery("select count(*) from intake")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
