package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Times held for a waiting case and offered to the client: the row id of the offer. */
public record OfferId(long value) {

    public OfferId {
        if (value <= 0) {
            throw new IllegalArgumentException("An offer id is a positive number, not " + value);
        }
    }

    public static OfferId of(long value) {
        return new OfferId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable OfferId ofNullable(@Nullable Long value) {
        return value == null ? null : new OfferId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable OfferId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<OfferId> parse(@Nullable String text) {
        return Ids.parse(text).map(OfferId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
