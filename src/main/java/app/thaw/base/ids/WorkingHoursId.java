package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** One weekly span of a therapist's working hours: its row id. */
public record WorkingHoursId(long value) {

    public WorkingHoursId {
        if (value <= 0) {
            throw new IllegalArgumentException("A working hours id is a positive number, not " + value);
        }
    }

    public static WorkingHoursId of(long value) {
        return new WorkingHoursId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable WorkingHoursId ofNullable(@Nullable Long value) {
        return value == null ? null : new WorkingHoursId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable WorkingHoursId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<WorkingHoursId> parse(@Nullable String text) {
        return Ids.parse(text).map(WorkingHoursId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
