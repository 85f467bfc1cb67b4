package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A message waiting in, or sent from, the outbox: its row id. */
public record OutboxMessageId(long value) {

    public OutboxMessageId {
        if (value <= 0) {
            throw new IllegalArgumentException("An outbox message id is a positive number, not " + value);
        }
    }

    public static OutboxMessageId of(long value) {
        return new OutboxMessageId(value);
    }

    /** The id of a nullable column or argument: null stays null. */
    public static @Nullable OutboxMessageId ofNullable(@Nullable Long value) {
        return value == null ? null : new OutboxMessageId(value);
    }

    /** The plain number of an id that may be absent, for an entity's nullable column. */
    public static @Nullable Long numberOf(@Nullable OutboxMessageId id) {
        return id == null ? null : id.value;
    }

    /** The id a URL or form names; a missing, malformed or non-positive value is no id (so: "not found"). */
    public static Optional<OutboxMessageId> parse(@Nullable String text) {
        return Ids.parse(text).map(OutboxMessageId::new);
    }

    /** Just the number, so an id reads the same in a URL, a log line or an audit detail as it always did. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
