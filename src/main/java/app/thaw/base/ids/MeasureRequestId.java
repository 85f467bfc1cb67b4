package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** An outcome measure the client was asked to fill in: the row id of the request. */
public record MeasureRequestId(long value) {

    public MeasureRequestId {
        if (value <= 0) {
            throw new IllegalArgumentException("A measure request id is a positive number, not " + value);
        }
    }

    public static MeasureRequestId of(long value) {
        return new MeasureRequestId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable MeasureRequestId ofNullable(@Nullable Long value) {
        return value == null ? null : new MeasureRequestId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable MeasureRequestId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<MeasureRequestId> parse(@Nullable String text) {
        return Ids.parse(text).map(MeasureRequestId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
