package app.thaw.waitlist.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

import app.thaw.waitlist.domain.WaitlistRows.Entry;
import app.thaw.waitlist.domain.WaitlistRows.Offer;
import app.thaw.waitlist.domain.WaitlistRows.Slot;
import app.thaw.waitlist.domain.WaitlistRows.Wait;
import app.thaw.waitlist.domain.WaitlistRows.Waiting;

/**
 * The waiting list, offers, held times and links in the database. Plain SQL: the choosing path locks rows in a fixed
 * order (entry, then offer, then time) and the held times' claims are kept by a trigger (V90), so the statements are
 * spelt out here rather than left to an ORM. A repository like any other (Spring Data's marker): internal to the
 * waiting list, out of reach of views and other features.
 */
@Component
public class WaitlistStore implements Repository<WaitlistRows.Entry, Long> {

    private static final String ENTRY = "select id, intake_id, partner_intake_id, service, format, "
            + "preferred_therapist_id, urgent, added_at, state, left_at, appointment_id from waitlist_entry ";
    private static final String OFFER = "select id, entry_id, created_at, expires_at, state, appointment_id, "
            + "chosen_by, backfill from slot_offer ";
    private static final String SLOT = "select s.id, s.therapist_id, s.room_id, r.name, s.type_id, t.label, s.format, "
            + "s.starts_at, s.ends_at, s.held_until, s.state from held_slot s join appointment_type t on t.id = s.type_id "
            + "left join room r on r.id = s.room_id ";

    private final JdbcTemplate jdbc;

    WaitlistStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Puts the case on the list; a case already waiting keeps its place, and so does one whose first session was
     * cancelled within the month (they have been waiting all along). A case back after longer starts again.
     */
    public long upsertWaiting(long intakeId, @Nullable Long partnerIntakeId, String service, @Nullable String format,
                              boolean urgent, Instant now) {
        return jdbc.queryForObject("""
                insert into waitlist_entry (intake_id, partner_intake_id, service, format, urgent, added_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (intake_id) do update set state = 'WAITING', left_at = null, appointment_id = null,
                    added_at = case when waitlist_entry.state = 'WAITING'
                                      or waitlist_entry.left_at > excluded.added_at - interval '30 days'
                                    then waitlist_entry.added_at else excluded.added_at end,
                    urgent = excluded.urgent
                returning id""", Long.class, intakeId, partnerIntakeId, service, format, urgent, ts(now));
    }

    /** The case's entry, whichever partner's intake is given. */
    public Optional<Entry> entryOf(long intakeId) {
        return jdbc.query(ENTRY + "where intake_id = ? or partner_intake_id = ?", WaitlistStore::entry, intakeId,
                intakeId).stream().findFirst();
    }

    public Entry lockEntry(long entryId) {
        return jdbc.query(ENTRY + "where id = ? for update", WaitlistStore::entry, entryId).getFirst();
    }

    /** Takes the case off the list; false when it was no longer waiting. */
    public boolean leave(long entryId, String state, Instant now, @Nullable Long appointmentId) {
        return jdbc.update("update waitlist_entry set state = ?, left_at = ?, appointment_id = ? where id = ? "
                + "and state = 'WAITING'", state, ts(now), appointmentId, entryId) == 1;
    }

    public void bookedAs(long entryId, long appointmentId) {
        jdbc.update("update waitlist_entry set appointment_id = ? where id = ?", appointmentId, entryId);
    }

    public void setDetails(long entryId, @Nullable String format, @Nullable Long preferredTherapistId) {
        jdbc.update("update waitlist_entry set format = ?, preferred_therapist_id = ? where id = ?", format,
                preferredTherapistId, entryId);
    }

    /** Urgent first, then longest waiting; keyset-free paging is enough for a list staff read from the top. */
    public List<Waiting> waiting(@Nullable String service, @Nullable String format, boolean urgentOnly, int limit,
                                 int offset) {
        return jdbc.query("""
                select e.id, e.intake_id, e.partner_intake_id, e.service, e.format, e.preferred_therapist_id, e.urgent,
                       e.added_at, e.state, e.left_at, e.appointment_id, o.state, o.expires_at
                  from waitlist_entry e
                  left join lateral (select state, expires_at from slot_offer where entry_id = e.id
                                      order by id desc limit 1) o on true
                 where e.state = 'WAITING' and (?::varchar is null or e.service = ?)
                   and (?::varchar is null or e.format is null or e.format = ?) and (not ? or e.urgent)
                 order by e.urgent desc, e.added_at, e.id
                 limit ? offset ?""", (rs, i) -> new Waiting(entry(rs, i), rs.getString(12),
                        instant(rs, 13)), service, service, format, format, urgentOnly, limit, offset);
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

    public long insertSlot(long therapistId, @Nullable Long roomId, long typeId, String format, Instant start,
                           Instant end, Instant heldUntil, @Nullable Long freedBy, Instant now) {
        return insertSlot("HELD", therapistId, roomId, typeId, format, start, end, heldUntil, freedBy, now);
    }

    public long insertSlot(String state, long therapistId, @Nullable Long roomId, long typeId, String format,
                           Instant start, Instant end, Instant heldUntil, @Nullable Long freedBy, Instant now) {
        return jdbc.queryForObject("""
                insert into held_slot (state, therapist_id, room_id, type_id, format, starts_at, ends_at, held_until,
                                       freed_by_appointment, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, state, therapistId, roomId, typeId,
                format, ts(start), ts(end), ts(heldUntil), freedBy, ts(now));
    }

    /** A session just cancelled, as the backfill needs it: whose diary, where, when, for whom, couples or not. */
    public record Cancelled(long therapistId, @Nullable Long roomId, String format, Instant start, Instant end,
                            boolean couples, long intakeId, @Nullable Long partnerIntakeId) {
    }

    public Optional<Cancelled> cancelled(long appointmentId) {
        return jdbc.query("""
                select a.therapist_id, a.room_id, a.format, a.starts_at, a.ends_at, t.couples, a.intake_id,
                       a.partner_intake_id
                  from appointment a join appointment_type t on t.id = a.type_id where a.id = ?""",
                (rs, i) -> new Cancelled(rs.getLong(1), nullableLong(rs, 2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getBoolean(6),
                        rs.getLong(7), nullableLong(rs, 8)), appointmentId).stream().findFirst();
    }

    public int minutesOf(long typeId) {
        return jdbc.queryForObject("select default_minutes from appointment_type where id = ?", Integer.class, typeId);
    }

    /** A freed time becomes held for offers; false when it was no longer free to offer. */
    public boolean hold(long slotId, Instant heldUntil) {
        return jdbc.update("update held_slot set state = 'HELD', held_until = ? where id = ? and state = 'FREED'",
                ts(heldUntil), slotId) == 1;
    }

    public Optional<Slot> lockSlot(long slotId) {
        return jdbc.query(SLOT + "where s.id = ? for update of s", WaitlistStore::slot, slotId).stream().findFirst();
    }

    /** Times freed by cancellations, still to come and still free in the diary, soonest first. */
    public List<Slot> freed(Instant now, @Nullable Long therapistId) {
        return jdbc.query(SLOT + """
                where s.state = 'FREED' and s.starts_at > ? and (?::bigint is null or s.therapist_id = ?)
                  and not exists (select 1 from diary_claim c where c.therapist_id = s.therapist_id
                                   and c.during && tstzrange(s.starts_at, s.ends_at))
                order by s.starts_at limit 50""", WaitlistStore::slot, ts(now), therapistId, therapistId);
    }

    /**
     * Waiting cases that could take a freed time: the right service, a format that fits, no other therapist asked
     * for, no open offer; urgent first, then longest waiting.
     */
    public List<Entry> candidates(String service, String format, long therapistId, List<Long> excluded, int limit) {
        return jdbc.query(ENTRY.replace("from waitlist_entry ", "from waitlist_entry e ") + """
                where e.state = 'WAITING' and e.service = ? and (e.format is null or e.format = ?)
                  and (e.preferred_therapist_id is null or e.preferred_therapist_id = ?)
                  and not (e.intake_id = any(?)) and not exists (select 1 from slot_offer o
                                                                  where o.entry_id = e.id and o.state = 'OPEN')
                order by e.urgent desc, e.added_at, e.id limit ?""", WaitlistStore::entry, service, format,
                therapistId, excluded.toArray(Long[]::new), limit);
    }

    public record Settings(String backfillMode, int backfillCases) {
    }

    public Settings settings() {
        return jdbc.queryForObject("select backfill_mode, backfill_cases from waitlist_settings where id = 1",
                (rs, i) -> new Settings(rs.getString(1), rs.getInt(2)));
    }

    public void saveSettings(Settings settings, long by, Instant now) {
        jdbc.update("update waitlist_settings set backfill_mode = ?, backfill_cases = ?, updated_by = ?, "
                + "updated_at = ? where id = 1", settings.backfillMode(), settings.backfillCases(), by, ts(now));
    }

    public long insertOffer(long entryId, @Nullable Long createdBy, Instant expiresAt, Instant now, boolean backfill) {
        return jdbc.queryForObject("""
                insert into slot_offer (entry_id, created_at, created_by, expires_at, backfill)
                values (?, ?, ?, ?, ?) returning id""", Long.class, entryId, ts(now), createdBy, ts(expiresAt),
                backfill);
    }

    public void offerSlot(long offerId, long slotId) {
        jdbc.update("insert into slot_offer_time (offer_id, slot_id) values (?, ?)", offerId, slotId);
    }

    public void insertLink(long offerId, long intakeId, String tokenHash) {
        jdbc.update("insert into offer_link (offer_id, intake_id, token_hash) values (?, ?, ?)", offerId, intakeId,
                tokenHash);
    }

    /** The offer and the client a link was made for. */
    public record Link(long offerId, long intakeId) {
    }

    public Optional<Link> link(String tokenHash) {
        return jdbc.query("select offer_id, intake_id from offer_link where token_hash = ?",
                (rs, i) -> new Link(rs.getLong(1), rs.getLong(2)), tokenHash).stream().findFirst();
    }

    public Optional<Offer> offer(long offerId) {
        return jdbc.query(OFFER + "where id = ?", WaitlistStore::offer, offerId).stream().findFirst();
    }

    public Offer lockOffer(long offerId) {
        return jdbc.query(OFFER + "where id = ? for update", WaitlistStore::offer, offerId).getFirst();
    }

    /** The case's open offer, or else its latest one. */
    public Optional<Offer> latestOffer(long entryId) {
        return jdbc.query(OFFER + "where entry_id = ? order by (state = 'OPEN') desc, id desc limit 1",
                WaitlistStore::offer, entryId).stream().findFirst();
    }

    public List<Slot> slotsOf(long offerId) {
        return jdbc.query(SLOT + "join slot_offer_time o on o.slot_id = s.id where o.offer_id = ? order by s.starts_at",
                WaitlistStore::slot, offerId);
    }

    public Optional<Slot> lockSlot(long offerId, long slotId) {
        return jdbc.query(SLOT + "join slot_offer_time o on o.slot_id = s.id where o.offer_id = ? and s.id = ? "
                + "for update of s", WaitlistStore::slot, offerId, slotId).stream().findFirst();
    }

    public void take(long slotId) {
        jdbc.update("update held_slot set state = 'TAKEN' where id = ?", slotId);
    }

    /** Lets go of the offer's held times that no other open offer still holds. */
    public int releaseSlots(long offerId) {
        return jdbc.update("""
                update held_slot s set state = 'RELEASED'
                 where s.state = 'HELD' and s.id in (select slot_id from slot_offer_time where offer_id = ?)
                   and not exists (select 1 from slot_offer_time t join slot_offer o on o.id = t.offer_id
                                    where t.slot_id = s.id and o.state = 'OPEN' and o.id <> ?)""", offerId, offerId);
    }

    public void close(long offerId, String state, Instant now, @Nullable Long appointmentId, @Nullable Long chosenBy) {
        jdbc.update("update slot_offer set state = ?, closed_at = ?, appointment_id = ?, chosen_by = ? where id = ?",
                state, ts(now), appointmentId, chosenBy, offerId);
    }

    /** Open offers past their time, locked; another instance's expiry skips them. */
    public List<Offer> lockDue(Instant now, int limit) {
        return jdbc.query(OFFER + "where state = 'OPEN' and expires_at <= ? order by expires_at limit ? "
                + "for update skip locked", WaitlistStore::offer, ts(now), limit);
    }

    public Optional<Entry> entry(long entryId) {
        return jdbc.query(ENTRY + "where id = ?", WaitlistStore::entry, entryId).stream().findFirst();
    }

    /** The session type a first appointment is booked as (by its code; the practice may rename its label). */
    public long sessionTypeId(String code) {
        return jdbc.queryForObject("select id from appointment_type where code = ?", Long.class, code);
    }

    public boolean tryJobLock(long key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, key));
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), rs.getString(4), rs.getString(5),
                nullableLong(rs, 6), rs.getBoolean(7), rs.getTimestamp(8).toInstant(), rs.getString(9),
                instant(rs, 10), nullableLong(rs, 11));
    }

    private static Offer offer(ResultSet rs, int row) throws SQLException {
        return new Offer(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
                rs.getString(5), nullableLong(rs, 6), nullableLong(rs, 7), rs.getBoolean(8));
    }

    private static Slot slot(ResultSet rs, int row) throws SQLException {
        return new Slot(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(), rs.getString(11));
    }

    private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
