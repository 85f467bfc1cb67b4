package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A system allowed to read the FHIR API: the row id of its client registration. */
public record ApiClientId(long value) {

    public ApiClientId {
        if (value <= 0) {
            throw new IllegalArgumentException("An API client id is a positive number, not " + value);
        }
    }

    public static ApiClientId of(long value) {
        return new ApiClientId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable ApiClientId ofNullable(@Nullable Long value) {
        return value == null ? null : new ApiClientId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable ApiClientId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<ApiClientId> parse(@Nullable String text) {
        return Ids.parse(text).map(ApiClientId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
