package app.thaw.scheduling;

import java.time.Instant;
import java.util.List;


/** What the reminder job needs from the diary; implemented by scheduling and called as {@code SYSTEM}. */
public interface UpcomingSessions {

    /** Booked (not cancelled) sessions starting in [from, to), each as its client may be told about it. */
    List<AppointmentNotice> startingBetween(Instant from, Instant to);
}
