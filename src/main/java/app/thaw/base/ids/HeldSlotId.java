package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A time held for a waiting case and offered to the client (one of an offer's slots): its row id. */
public record HeldSlotId(long value) {

    public HeldSlotId {
        if (value <= 0) {
            throw new IllegalArgumentException("A held slot id is a positive number, not " + value);
        }
    }

    public static HeldSlotId of(long value) {
        return new HeldSlotId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable HeldSlotId ofNullable(@Nullable Long value) {
        return value == null ? null : new HeldSlotId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable HeldSlotId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<HeldSlotId> parse(@Nullable String text) {
        return Ids.parse(text).map(HeldSlotId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
