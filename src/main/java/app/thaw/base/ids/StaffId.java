package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A staff member (therapist, practice manager, clinical lead): the row id of {@code staff_account}. */
public record StaffId(long value) {

    public StaffId {
        if (value <= 0) {
            throw new IllegalArgumentException("A staff id is a positive number, not " + value);
        }
    }

    public static StaffId of(long value) {
        return new StaffId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable StaffId ofNullable(@Nullable Long value) {
        return value == null ? null : new StaffId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable StaffId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<StaffId> parse(@Nullable String text) {
        return Ids.parse(text).map(StaffId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
