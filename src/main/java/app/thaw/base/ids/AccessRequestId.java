package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A client's subject access request (it belongs to a case): the row id of the request. */
public record AccessRequestId(long value) {

    public AccessRequestId {
        if (value <= 0) {
            throw new IllegalArgumentException("An access request id is a positive number, not " + value);
        }
    }

    public static AccessRequestId of(long value) {
        return new AccessRequestId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable AccessRequestId ofNullable(@Nullable Long value) {
        return value == null ? null : new AccessRequestId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable AccessRequestId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<AccessRequestId> parse(@Nullable String text) {
        return Ids.parse(text).map(AccessRequestId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
