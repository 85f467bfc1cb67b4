package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A therapist's time away (leave): its row id. */
public record TimeAwayId(long value) {

    public TimeAwayId {
        if (value <= 0) {
            throw new IllegalArgumentException("A time away id is a positive number, not " + value);
        }
    }

    public static TimeAwayId of(long value) {
        return new TimeAwayId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable TimeAwayId ofNullable(@Nullable Long value) {
        return value == null ? null : new TimeAwayId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable TimeAwayId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<TimeAwayId> parse(@Nullable String text) {
        return Ids.parse(text).map(TimeAwayId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
