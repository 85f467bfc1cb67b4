package app.thaw.waitlist;

import java.time.ZonedDateTime;
import java.util.List;

/** A time a cancellation gave back, with the waiting cases it suits best (for the one-click offer). */
public record FreedTime(long slotId, ZonedDateTime start, ZonedDateTime end, String therapistName, String where,
                        List<Fit> fits) {

    /** A waiting case the time suits: names and reference only. */
    public record Fit(long intakeId, String reference, String clients, boolean urgent) {
    }
}
