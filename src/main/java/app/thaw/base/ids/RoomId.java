package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A consulting room of the practice: its row id. */
public record RoomId(long value) {

    public RoomId {
        if (value <= 0) {
            throw new IllegalArgumentException("A room id is a positive number, not " + value);
        }
    }

    public static RoomId of(long value) {
        return new RoomId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable RoomId ofNullable(@Nullable Long value) {
        return value == null ? null : new RoomId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable RoomId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<RoomId> parse(@Nullable String text) {
        return Ids.parse(text).map(RoomId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
