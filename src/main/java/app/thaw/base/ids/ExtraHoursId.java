package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A one-off change to a therapist's hours on a day (extra hours or a day off): its row id. */
public record ExtraHoursId(long value) {

    public ExtraHoursId {
        if (value <= 0) {
            throw new IllegalArgumentException("An extra hours id is a positive number, not " + value);
        }
    }

    public static ExtraHoursId of(long value) {
        return new ExtraHoursId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable ExtraHoursId ofNullable(@Nullable Long value) {
        return value == null ? null : new ExtraHoursId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable ExtraHoursId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<ExtraHoursId> parse(@Nullable String text) {
        return Ids.parse(text).map(ExtraHoursId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
