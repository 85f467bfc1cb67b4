package app.thaw.waitlist.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The waiting list's rows as the stores read them (and how they read them); nothing clinical. */
public final class WaitlistRows {

    private WaitlistRows() {
    }

    public record Entry(long id, long intakeId, @Nullable Long partnerIntakeId, String service, @Nullable String format,
                        @Nullable Long preferredTherapistId, boolean urgent, Instant addedAt, String state,
                        @Nullable Instant leftAt, @Nullable Long appointmentId) {

        public boolean waiting() {
            return "WAITING".equals(state);
        }
    }

    public record Offer(long id, long entryId, Instant createdAt, Instant expiresAt, String state,
                        @Nullable Long appointmentId, @Nullable Long chosenBy, boolean backfill) {

        public boolean open() {
            return "OPEN".equals(state);
        }
    }

    public record Slot(long id, long therapistId, @Nullable Long roomId, @Nullable String roomName, long typeId,
                       String typeLabel, String format, Instant startsAt, Instant endsAt, Instant heldUntil,
                       String state) {

        public boolean held() {
            return "HELD".equals(state);
        }
    }

    /** A waiting case as the list shows it, with its open or last offer. */
    public record Waiting(Entry entry, @Nullable String offerState, @Nullable Instant offerExpiresAt) {
    }

    public record Wait(String service, long count, double medianDays, double p90Days) {
    }

    static final String ENTRY = "select id, intake_id, partner_intake_id, service, format, "
            + "preferred_therapist_id, urgent, added_at, state, left_at, appointment_id from waitlist_entry ";
    static final String OFFER = "select id, entry_id, created_at, expires_at, state, appointment_id, "
            + "chosen_by, backfill from slot_offer ";
    static final String SLOT = "select s.id, s.therapist_id, s.room_id, r.name, s.type_id, t.label, s.format, "
            + "s.starts_at, s.ends_at, s.held_until, s.state from held_slot s join appointment_type t on t.id = s.type_id "
            + "left join room r on r.id = s.room_id ";

    static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), rs.getString(4), rs.getString(5),
                nullableLong(rs, 6), rs.getBoolean(7), rs.getTimestamp(8).toInstant(), rs.getString(9),
                instant(rs, 10), nullableLong(rs, 11));
    }

    static Offer offer(ResultSet rs, int row) throws SQLException {
        return new Offer(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
                rs.getString(5), nullableLong(rs, 6), nullableLong(rs, 7), rs.getBoolean(8));
    }

    static Slot slot(ResultSet rs, int row) throws SQLException {
        return new Slot(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(), rs.getString(11));
    }

    static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
