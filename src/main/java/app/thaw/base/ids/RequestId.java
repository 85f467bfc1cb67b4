package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A client's request to move or cancel a session: the row id of {@code appointment_request}. */
public record RequestId(long value) {

    public RequestId {
        if (value <= 0) {
            throw new IllegalArgumentException("A request id is a positive number, not " + value);
        }
    }

    public static RequestId of(long value) {
        return new RequestId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable RequestId ofNullable(@Nullable Long value) {
        return value == null ? null : new RequestId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable RequestId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<RequestId> parse(@Nullable String text) {
        return Ids.parse(text).map(RequestId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
