package app.thaw.waitlist.domain;

import static app.thaw.waitlist.domain.WaitlistRows.ENTRY;
import static app.thaw.waitlist.domain.WaitlistRows.nullableLong;
import static app.thaw.waitlist.domain.WaitlistRows.ts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.waitlist.domain.WaitlistRows.Entry;

/**
 * A case's place on the waiting list, from joining to leaving, and the practice's waiting-list settings. Plain SQL like
 * the other waiting-list stores ({@link OfferStore}, {@link WaitlistListing}): the choosing path locks rows in a fixed
 * order (entry, then offer, then time). A repository like any other (Spring Data's marker): internal to the waiting
 * list, out of reach of views and other features.
 */
@Component
public class WaitlistStore implements Repository<WaitlistRows.Entry, Long> {

    private final JdbcTemplate jdbc;

    WaitlistStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Puts the case on the list; a case already waiting keeps its place, and so does one whose first session was
     * cancelled within the month (they have been waiting all along). A case back after longer starts again, and so does
     * one that left because it closed: reopened, it is a new episode whose wait starts now.
     */
    public long upsertWaiting(long intakeId, @Nullable Long partnerIntakeId, String service, @Nullable String format,
                              boolean urgent, Instant now) {
        return one(jdbc.queryForObject("""
                insert into waitlist_entry (intake_id, partner_intake_id, service, format, urgent, added_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (intake_id) do update set state = 'WAITING', left_at = null, appointment_id = null,
                    partner_intake_id = excluded.partner_intake_id, service = excluded.service,
                    added_at = case when waitlist_entry.state = 'WAITING'
                                      or (waitlist_entry.state = 'BOOKED'
                                          and waitlist_entry.left_at > excluded.added_at - interval '30 days')
                                    then waitlist_entry.added_at else excluded.added_at end,
                    urgent = excluded.urgent
                returning id""", Long.class, intakeId, partnerIntakeId, service, format, urgent, ts(now)));
    }

    /**
     * The case's entry, whichever partner's intake is given. A partner back on the list after an earlier case may be
     * named by two entries (one as the partner, one as the client): the waiting one, else the latest, is theirs now.
     */
    public Optional<Entry> entryOf(long intakeId) {
        return jdbc.query(ENTRY + "where intake_id = ? or partner_intake_id = ? order by (state = 'WAITING') desc, "
                + "id desc limit 1", WaitlistRows::entry, intakeId, intakeId).stream().findFirst();
    }

    public Entry lockEntry(long entryId) {
        return jdbc.query(ENTRY + "where id = ? for update", WaitlistRows::entry, entryId).getFirst();
    }

    /** The case's entry an offer was made to, locked: a choice's first lock (entry, then offer, then time). */
    /** The clients of the case an offer was made to, read without a lock. */
    public List<Long> clientsOfOffer(long offerId) {
        return jdbc.query("select intake_id, partner_intake_id from waitlist_entry "
                + "where id = (select entry_id from slot_offer where id = ?)", (rs, i) -> {
                    List<Long> ids = new java.util.ArrayList<>(List.of(rs.getLong(1)));
                    long partner = rs.getLong(2);
                    if (!rs.wasNull()) {
                        ids.add(partner);
                    }
                    return ids;
                }, offerId).stream().findFirst().orElse(List.of());
    }

    public Optional<Entry> lockEntryOfOffer(long offerId) {
        return jdbc.query(ENTRY + "where id = (select entry_id from slot_offer where id = ?) for update",
                WaitlistRows::entry, offerId).stream().findFirst();
    }

    /** Takes the case off the list; false when it was no longer waiting. */
    public boolean leave(long entryId, String state, Instant now, @Nullable Long appointmentId) {
        return jdbc.update("update waitlist_entry set state = ?, left_at = ?, appointment_id = ? where id = ? "
                + "and state = 'WAITING'", state, ts(now), appointmentId, entryId) == 1;
    }

    /**
     * Waiting cases that preferred this therapist now wait for anyone; returns their entries. Entries
     * a client's choice has locked are skipped, so a departure never waits for a client.
     */
    public List<Entry> forgetPreferenceFor(long therapistId) {
        return jdbc.query("""
                update waitlist_entry set preferred_therapist_id = null
                 where id in (select id from waitlist_entry where preferred_therapist_id = ? and state = 'WAITING'
                              for update skip locked)
                returning id, intake_id, partner_intake_id, service, format, preferred_therapist_id, urgent,
                          added_at, state, left_at, appointment_id""", WaitlistRows::entry, therapistId);
    }

    public void setDetails(long entryId, @Nullable String format, @Nullable Long preferredTherapistId) {
        jdbc.update("update waitlist_entry set format = ?, preferred_therapist_id = ? where id = ?", format,
                preferredTherapistId, entryId);
    }

    public Optional<Entry> entry(long entryId) {
        return jdbc.query(ENTRY + "where id = ?", WaitlistRows::entry, entryId).stream().findFirst();
    }

    /** A session just cancelled, as the backfill needs it: whose diary, where, when, for whom, couples or not. */
    public record Cancelled(long therapistId, @Nullable Long roomId, String format, Instant start, Instant end,
                            boolean couples, long intakeId, @Nullable Long partnerIntakeId, boolean roomInUse) {
    }

    public Optional<Cancelled> cancelled(long appointmentId) {
        return jdbc.query("""
                select a.therapist_id, a.room_id, a.format, a.starts_at, a.ends_at, t.couples, a.intake_id,
                       a.partner_intake_id, coalesce(r.active, true)
                  from appointment a join appointment_type t on t.id = a.type_id
                  left join room r on r.id = a.room_id
                 where a.id = ?""",
                (rs, i) -> new Cancelled(rs.getLong(1), nullableLong(rs, 2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getBoolean(6),
                        rs.getLong(7), nullableLong(rs, 8), rs.getBoolean(9)), appointmentId).stream().findFirst();
    }

    public int minutesOf(long typeId) {
        return one(jdbc.queryForObject("select default_minutes from appointment_type where id = ?", Integer.class,
                typeId));
    }

    /** The session type a first appointment is booked as (by its code; the practice may rename its label). */
    public long sessionTypeId(String code) {
        return one(jdbc.queryForObject("select id from appointment_type where code = ?", Long.class, code));
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


    public boolean tryJobLock(long key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, key));
    }

    /** An insert … returning id, or a look-up of a row that is always there, always answers. */
    private static <T> T one(@Nullable T value) {
        return Objects.requireNonNull(value, "the row is there");
    }
}
