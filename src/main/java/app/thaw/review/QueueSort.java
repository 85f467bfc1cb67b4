package app.thaw.review;

/** The orders the queue offers; each is walked page by page with a keyset, never a deep OFFSET. */
public record QueueSort(Field field, boolean descending) {

    public enum Field { URGENCY, SUBMITTED, REFERENCE, NAME }

    /** Urgent cases first, then whoever has waited longest. */
    public static final QueueSort DEFAULT = new QueueSort(Field.URGENCY, false);
}
