package app.thaw.waitlist.domain;

import static app.thaw.waitlist.domain.WaitlistRows.OFFER;
import static app.thaw.waitlist.domain.WaitlistRows.SLOT;
import static app.thaw.waitlist.domain.WaitlistRows.ts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.waitlist.domain.WaitlistRows.Offer;
import app.thaw.waitlist.domain.WaitlistRows.Slot;

/**
 * Offers, the times they hold and the clients' links in the database. The held times' claims on the diary are kept by a
 * trigger (V90), so the statements are spelt out here rather than left to an ORM; rows are locked entry, then offer,
 * then time, everywhere.
 */
@Component
public class OfferStore implements Repository<WaitlistRows.Offer, Long> {

    private final JdbcTemplate jdbc;

    OfferStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insertSlot(long therapistId, @Nullable Long roomId, long typeId, String format, Instant start,
                           Instant end, Instant heldUntil, @Nullable Long freedBy, Instant now) {
        return insertSlot("HELD", therapistId, roomId, typeId, format, start, end, heldUntil, freedBy, now);
    }

    public long insertSlot(String state, long therapistId, @Nullable Long roomId, long typeId, String format,
                           Instant start, Instant end, Instant heldUntil, @Nullable Long freedBy, Instant now) {
        return one(jdbc.queryForObject("""
                insert into held_slot (state, therapist_id, room_id, type_id, format, starts_at, ends_at, held_until,
                                       freed_by_appointment, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, state, therapistId, roomId, typeId,
                format, ts(start), ts(end), ts(heldUntil), freedBy, ts(now)));
    }

    /** A freed time becomes held for offers; false when it was no longer free to offer. */
    public boolean hold(long slotId, Instant heldUntil) {
        return jdbc.update("update held_slot set state = 'HELD', held_until = ? where id = ? and state = 'FREED'",
                ts(heldUntil), slotId) == 1;
    }

    public Optional<Slot> lockSlot(long slotId) {
        return jdbc.query(SLOT + "where s.id = ? for update of s", WaitlistRows::slot, slotId).stream().findFirst();
    }

    public long insertOffer(long entryId, @Nullable Long createdBy, Instant expiresAt, Instant now, boolean backfill) {
        return one(jdbc.queryForObject("""
                insert into slot_offer (entry_id, created_at, created_by, expires_at, backfill)
                values (?, ?, ?, ?, ?) returning id""", Long.class, entryId, ts(now), createdBy, ts(expiresAt),
                backfill));
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
        return jdbc.query(OFFER + "where id = ?", WaitlistRows::offer, offerId).stream().findFirst();
    }

    public Offer lockOffer(long offerId) {
        return jdbc.query(OFFER + "where id = ? for update", WaitlistRows::offer, offerId).getFirst();
    }

    /** The case's open offer, or else its latest one. */
    public Optional<Offer> latestOffer(long entryId) {
        return jdbc.query(OFFER + "where entry_id = ? order by (state = 'OPEN') desc, id desc limit 1",
                WaitlistRows::offer, entryId).stream().findFirst();
    }

    public List<Slot> slotsOf(long offerId) {
        return jdbc.query(SLOT + "join slot_offer_time o on o.slot_id = s.id where o.offer_id = ? order by s.starts_at",
                WaitlistRows::slot, offerId);
    }

    public Optional<Slot> lockSlot(long offerId, long slotId) {
        return jdbc.query(SLOT + "join slot_offer_time o on o.slot_id = s.id where o.offer_id = ? and s.id = ? "
                + "for update of s", WaitlistRows::slot, offerId, slotId).stream().findFirst();
    }

    /**
     * The chosen time makes way for the session about to be booked, and the case leaves the list as booked, in one
     * statement (the choice holds the entry's, the offer's and the time's locks).
     */
    public void takeFor(long slotId, long entryId, Instant now) {
        jdbc.update("""
                with taken as (update held_slot set state = 'TAKEN' where id = ?)
                update waitlist_entry set state = 'BOOKED', left_at = ?, appointment_id = null
                 where id = ? and state = 'WAITING'""", slotId, ts(now), entryId);
    }

    /**
     * Once the chosen time is booked, in one statement: the entry names the session, the offer closes as booked by
     * {@code chosenBy}, its other held times no other open offer holds are let go; and whether another case's open
     * offer held the chosen time too (a freed time offered to several cases), whose offer then closes after commit.
     */
    public boolean settleChoice(long offerId, long entryId, long slotId, long appointmentId, long chosenBy,
                                Instant now) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                with entry as (update waitlist_entry set appointment_id = ? where id = ?),
                     closed as (update slot_offer set state = 'BOOKED', closed_at = ?, appointment_id = ?, chosen_by = ?
                                 where id = ?),
                     released as (update held_slot s set state = 'RELEASED'
                                   where s.state = 'HELD'
                                     and s.id in (select slot_id from slot_offer_time where offer_id = ?)
                                     and not exists (select 1 from slot_offer_time t join slot_offer o on o.id = t.offer_id
                                                      where t.slot_id = s.id and o.state = 'OPEN' and o.id <> ?))
                select exists (select 1 from slot_offer_time t join slot_offer o on o.id = t.offer_id
                                where t.slot_id = ? and t.offer_id <> ? and o.state = 'OPEN')""", Boolean.class,
                appointmentId, entryId, ts(now), appointmentId, chosenBy, offerId, offerId, offerId, slotId, offerId));
    }

    /** The session booked from an offer as it stands now: moved, cancelled, or past. */
    public record BookedSession(String state, Instant startsAt) {
    }

    /** Empty once the session is gone from the diary (a client's erasure). */
    public Optional<BookedSession> bookedSession(long appointmentId) {
        return jdbc.query("select state, starts_at from appointment where id = ?", (rs, i) -> new BookedSession(
                rs.getString(1), rs.getTimestamp(2).toInstant()), appointmentId).stream().findFirst();
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
                + "for update skip locked", WaitlistRows::offer, ts(now), limit);
    }

    /** An offer that just ended without a booking: which case's, and until when its times were held. */
    public record Ended(long offerId, long entryId, Instant heldUntil) {
    }

    /**
     * Closes as TAKEN the open offers (of this time's, or of any when {@code slotId} is null) whose every time another
     * case has chosen: they would otherwise linger, with nothing left to choose, until they lapse.
     */
    public List<Ended> closeLost(@Nullable Long slotId, Instant now) {
        // two statements, not one with "? is null or": a generic plan of that would scan every open offer per choice
        String which = slotId == null ? "o.state = 'OPEN'\n"
                : "o.id in (select offer_id from slot_offer_time where slot_id = ?) and o.state = 'OPEN'\n";
        Object[] args = slotId == null ? new Object[] {ts(now)} : new Object[] {ts(now), slotId};
        return jdbc.query("update slot_offer o set state = 'TAKEN', closed_at = ? where " + which + """
                   and exists (select 1 from slot_offer_time t where t.offer_id = o.id)
                   and not exists (select 1 from slot_offer_time t join held_slot h on h.id = t.slot_id
                                    where t.offer_id = o.id and h.state = 'HELD')
                returning o.id, o.entry_id, o.expires_at""",
                (rs, i) -> new Ended(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()), args);
    }

    /**
     * A departing therapist's times held for offers or freed for the waiting list, released; the ids. Rows a client's
     * choice has locked are skipped, so deactivation never waits for a client.
     */
    public List<Long> releaseTimesOf(long therapistId) {
        return releaseOpenTimes("therapist_id", therapistId);
    }

    /** The times held or freed in a room taken out of use, released; the ids. Rows a choice has locked are skipped. */
    public List<Long> releaseTimesIn(long roomId) {
        return releaseOpenTimes("room_id", roomId);
    }

    private List<Long> releaseOpenTimes(String column, long id) {
        return jdbc.queryForList("update held_slot set state = 'RELEASED' where id in (select id from held_slot where "
                + column + " = ? and state in ('HELD', 'FREED') for update skip locked) returning id", Long.class, id);
    }

    /**
     * The times held or freed from {@code from} to {@code to}, in one therapist's diary or (null) anyone's, released;
     * the ids. Rows a choice has locked are skipped.
     */
    public List<Long> releaseTimesBetween(@Nullable Long therapistId, Instant from, Instant to) {
        return jdbc.queryForList("""
                update held_slot set state = 'RELEASED'
                 where id in (select id from held_slot
                               where state in ('HELD', 'FREED') and starts_at < ? and ends_at > ?
                                 and (cast(? as bigint) is null or therapist_id = ?)
                               for update skip locked)
                returning id""", Long.class, ts(to), ts(from), therapistId, therapistId);
    }

    /** The times held or freed in this therapist's diary that have not begun. */
    public List<Slot> openTimesOf(long therapistId, Instant now) {
        return jdbc.query(SLOT + "where s.therapist_id = ? and s.state in ('HELD', 'FREED') and s.starts_at > ?",
                WaitlistRows::slot, therapistId, ts(now));
    }

    /** These held or freed times, released; the ids. Rows a choice has locked are skipped. */
    public List<Long> releaseTimes(List<Long> slotIds) {
        return slotIds.isEmpty() ? List.of() : jdbc.queryForList("""
                update held_slot set state = 'RELEASED'
                 where id in (select id from held_slot where id = any(?) and state in ('HELD', 'FREED')
                               for update skip locked)
                returning id""", Long.class, (Object) slotIds.toArray(Long[]::new));
    }

    /** Which of these rooms a held or freed time is still in. */
    public List<Long> stillHeldIn(java.util.Collection<Long> roomIds) {
        return jdbc.queryForList("""
                select r from unnest(?::bigint[]) r
                 where exists (select 1 from held_slot h where h.room_id = r and h.state in ('HELD', 'FREED'))""",
                Long.class, (Object) roomIds.toArray(Long[]::new));
    }

    /** Which of these staff members a held or freed time, or a waiting case's wish, still names. */
    public List<Long> stillNamed(java.util.Collection<Long> staffIds) {
        return jdbc.queryForList("""
                select t from unnest(?::bigint[]) t
                 where exists (select 1 from held_slot h where h.therapist_id = t and h.state in ('HELD', 'FREED'))
                    or exists (select 1 from waitlist_entry w where w.preferred_therapist_id = t
                                  and w.state = 'WAITING')""", Long.class, (Object) staffIds.toArray(Long[]::new));
    }

    /** The open offers of these times left with none held, withdrawn; offers a choice has locked are skipped. */
    public List<Ended> closeEmptied(List<Long> slotIds, Instant now) {
        if (slotIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                update slot_offer o set state = 'WITHDRAWN', closed_at = ?
                 where o.id in (select e.id from slot_offer e
                                 where e.state = 'OPEN'
                                   and e.id in (select offer_id from slot_offer_time where slot_id = any(?))
                                   and not exists (select 1 from slot_offer_time t join held_slot h on h.id = t.slot_id
                                                    where t.offer_id = e.id and h.state = 'HELD')
                                 for update skip locked)
                returning o.id, o.entry_id, o.expires_at""",
                (rs, i) -> new Ended(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()), ts(now),
                slotIds.toArray(Long[]::new));
    }

    /** An insert … returning id, or a look-up of a row that is always there, always answers. */
    private static <T> T one(@Nullable T value) {
        return Objects.requireNonNull(value, "the row is there");
    }
}
