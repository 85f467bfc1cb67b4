package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A kind of therapy session (its label and default length): its row id. */
public record SessionTypeId(long value) {

    public SessionTypeId {
        if (value <= 0) {
            throw new IllegalArgumentException("A session type id is a positive number, not " + value);
        }
    }

    public static SessionTypeId of(long value) {
        return new SessionTypeId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable SessionTypeId ofNullable(@Nullable Long value) {
        return value == null ? null : new SessionTypeId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable SessionTypeId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<SessionTypeId> parse(@Nullable String text) {
        return Ids.parse(text).map(SessionTypeId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
