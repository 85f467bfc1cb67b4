package app.thaw.waitlist.domain;

import static app.thaw.waitlist.domain.WaitlistRows.ENTRY;
import static app.thaw.waitlist.domain.WaitlistRows.SLOT;
import static app.thaw.waitlist.domain.WaitlistRows.instant;
import static app.thaw.waitlist.domain.WaitlistRows.ts;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.waitlist.domain.WaitlistRows.Entry;
import app.thaw.waitlist.domain.WaitlistRows.Slot;
import app.thaw.waitlist.domain.WaitlistRows.Wait;
import app.thaw.waitlist.domain.WaitlistRows.Waiting;

/**
 * The waiting list as staff read it: who waits (urgent first, then longest waiting), how long the waits are, the times
 * cancellations gave back and the cases that could take them. Reads only.
 */
@Component
public class WaitlistListing implements Repository<WaitlistRows.Waiting, Long> {

    /**
     * For a therapist (the one parameter, three times; null for anyone else), the entries she could be allowed: in the
     * shared queue, hers, or booked with her, so colleagues' cases never fill her page. Only narrowing: the case-access
     * policy still decides every row.
     */
    private static final String VISIBLE_TO = """
            (?::bigint is null
             or exists (select 1 from intake i where i.id = e.intake_id
                           and (i.queue_assignee_id is null or i.queue_assignee_id = ?))
             or exists (select 1 from appointment a where a.therapist_id = ? and a.state <> 'CANCELLED'
                           and (a.intake_id = e.intake_id or a.partner_intake_id = e.intake_id)))
            """;

    private final JdbcTemplate jdbc;

    WaitlistListing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Urgent first, then longest waiting; keyset-free paging is enough for a list staff read from the top. */
    public List<Waiting> waiting(@Nullable String service, @Nullable String format, boolean urgentOnly,
                                 @Nullable Long therapistId, int limit, int offset) {
        return jdbc.query("""
                select e.id, e.intake_id, e.partner_intake_id, e.service, e.format, e.preferred_therapist_id, e.urgent,
                       e.added_at, e.state, e.left_at, e.appointment_id, o.state, o.expires_at
                  from waitlist_entry e
                  left join lateral (select state, expires_at from slot_offer where entry_id = e.id
                                      order by id desc limit 1) o on true
                 where e.state = 'WAITING' and (?::varchar is null or e.service = ?)
                   and (?::varchar is null or e.format is null or e.format = ?) and (not ? or e.urgent)
                   and """ + VISIBLE_TO + """
                 order by e.urgent desc, e.added_at, e.id
                 limit ? offset ?""", (rs, i) -> new Waiting(WaitlistRows.entry(rs, i), rs.getString(12),
                        instant(rs, 13)), service, service, format, format, urgentOnly, therapistId, therapistId,
                therapistId, limit, offset);
    }

    /** How many wait and for how long (days so far), per service type. */
    public List<Wait> waits(Instant now) {
        return jdbc.query("""
                select service, count(*),
                       percentile_cont(0.5) within group (order by extract(epoch from (?::timestamptz - added_at))),
                       percentile_cont(0.9) within group (order by extract(epoch from (?::timestamptz - added_at)))
                  from waitlist_entry where state = 'WAITING' group by service order by service""",
                (rs, i) -> new Wait(rs.getString(1), rs.getLong(2), rs.getDouble(3) / 86400, rs.getDouble(4) / 86400),
                ts(now), ts(now));
    }

    /** Times freed by cancellations, still to come and still free in the diary, soonest first. */
    public List<Slot> freed(Instant now, @Nullable Long therapistId) {
        return jdbc.query(SLOT + """
                where s.state = 'FREED' and s.starts_at > ? and (?::bigint is null or s.therapist_id = ?)
                  and not exists (select 1 from diary_claim c where c.therapist_id = s.therapist_id
                                   and c.during && tstzrange(s.starts_at, s.ends_at))
                order by s.starts_at limit 50""", WaitlistRows::slot, ts(now), therapistId, therapistId);
    }

    /**
     * Waiting cases that could take a freed time: the right service, a format that fits, no other therapist asked
     * for, no open offer; urgent first, then longest waiting. With {@code visibleTo}, only cases that therapist could
     * be allowed to book.
     */
    public List<Entry> candidates(String service, String format, long therapistId, @Nullable Long visibleTo,
                                  List<Long> excluded, int limit) {
        return jdbc.query(ENTRY.replace("from waitlist_entry ", "from waitlist_entry e ") + """
                where e.state = 'WAITING' and e.service = ? and (e.format is null or e.format = ?)
                  and (e.preferred_therapist_id is null or e.preferred_therapist_id = ?)
                  and not (e.intake_id = any(?)) and not exists (select 1 from slot_offer o
                                                                  where o.entry_id = e.id and o.state = 'OPEN')
                  and """ + VISIBLE_TO + """
                order by e.urgent desc, e.added_at, e.id limit ?""", WaitlistRows::entry, service, format,
                therapistId, excluded.toArray(Long[]::new), visibleTo, visibleTo, visibleTo, limit);
    }
}
