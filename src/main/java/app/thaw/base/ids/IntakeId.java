package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** One client's submitted intake (and so their side of a case): the row id of {@code intake}. */
public record IntakeId(long value) {

    public IntakeId {
        if (value <= 0) {
            throw new IllegalArgumentException("An intake id is a positive number, not " + value);
        }
    }

    public static IntakeId of(long value) {
        return new IntakeId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable IntakeId ofNullable(@Nullable Long value) {
        return value == null ? null : new IntakeId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable IntakeId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<IntakeId> parse(@Nullable String text) {
        return Ids.parse(text).map(IntakeId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
