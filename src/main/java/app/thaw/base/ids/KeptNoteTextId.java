package app.thaw.base.ids;

/** Note text kept for its author at an idle sign-out: the row id. */
public record KeptNoteTextId(long value) {

    public KeptNoteTextId {
        if (value <= 0) {
            throw new IllegalArgumentException("A kept note text id is a positive number, not " + value);
        }
    }

    public static KeptNoteTextId of(long value) {
        return new KeptNoteTextId(value);
    }

    /** Just the number, as in a log line or an audit detail. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
