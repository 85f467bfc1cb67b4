package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A therapy session (an appointment in the diary): the row id of {@code appointment}. */
public record AppointmentId(long value) {

    public AppointmentId {
        if (value <= 0) {
            throw new IllegalArgumentException("A session id is a positive number, not " + value);
        }
    }

    public static AppointmentId of(long value) {
        return new AppointmentId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable AppointmentId ofNullable(@Nullable Long value) {
        return value == null ? null : new AppointmentId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable AppointmentId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<AppointmentId> parse(@Nullable String text) {
        return Ids.parse(text).map(AppointmentId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
