package app.thaw.notification;

/** How an offer of times ended without a booking, which decides what staff are told. */
public enum OfferEnding {
    /** Nobody chose a time before the hold lapsed; the times are back in the diary. */
    LAPSED,
    /** Another waiting case chose the offered time first. */
    TAKEN,
    /** The therapist of its times left the practice or took another role; the times were released. */
    THERAPIST_LEFT,
    /** The room of its times was taken out of use; the times were released. */
    ROOM_OUT_OF_USE,
    /** The practice closed the day of its times, or their therapist added time away; the times were released. */
    DIARY_CLOSED
}
