package app.thaw.scheduling;

import java.util.Collection;
import java.util.List;

/** What a confirmation owed since a crash needs from the diary; implemented by scheduling, called as {@code SYSTEM}. */
public interface SessionNotices {

    /** The booked (not cancelled) sessions among {@code appointmentIds}, each as its clients may be told about it. */
    List<AppointmentNotice> booked(Collection<Long> appointmentIds);
}
