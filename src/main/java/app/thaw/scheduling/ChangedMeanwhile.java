package app.thaw.scheduling;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.thaw.Application;
import app.thaw.base.PracticeTime;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/**
 * What staff are told when a session is no longer as they saw it: someone cancelled it, recorded what happened, moved
 * it or gave it to another therapist (on another screen, perhaps a moment before). Their own change is not made.
 */
@Component
class ChangedMeanwhile {

    private static final DateTimeFormatter WHEN = PracticeTime.DAY_TIME;

    private final StaffAccountService staff;

    ChangedMeanwhile(StaffAccountService staff) {
        this.staff = staff;
    }

    /**
     * Refuses {@code doing} ("moved") when the session, as read (and locked) inside the change's transaction, is no
     * longer booked or is not the version the change was worked out from.
     */
    void requireAsSeen(Appointment now, long seenVersion, String doing) {
        if (now.getState() != AppointmentState.BOOKED) {
            throw new IllegalArgumentException(notBooked(now, doing, true));
        }
        if (now.getVersion() != seenVersion) {
            throw new IllegalArgumentException("This session was changed a moment ago: it is now "
                    + WHEN.format(now.getStartsAt().atZone(Application.PRACTICE_ZONE)) + " with "
                    + name(now.getTherapistId(), "another therapist") + ". Nothing was " + doing
                    + "; please check it and try again.");
        }
    }

    /** Why a session that is not booked can't be {@code doing} ("moved"), naming who cancelled it. */
    String notBooked(Appointment now, String doing, boolean justNow) {
        String when = justNow ? " a moment ago" : "";
        String why = switch (now.getState()) {
            case CANCELLED -> "This session was cancelled by " + canceller(now) + when;
            case ATTENDED, NO_SHOW -> "This session was recorded as \u2018"
                    + now.getState().label().toLowerCase(Locale.UK) + "\u2019" + when;
            case BOOKED -> "This session is booked";
        };
        return now.getState() == AppointmentState.CANCELLED && "cancelled".equals(doing)
                ? why + ", so there is nothing more to cancel."
                : why + ", so it can't be " + doing + ".";
    }

    private String canceller(Appointment cancelled) {
        Long staffId = cancelled.getCancelledByStaffId();
        if (staffId == null) {
            return Boolean.TRUE.equals(cancelled.getCancelledByClient()) ? "the client" : "the practice";
        }
        return name(staffId, "a member of staff");
    }

    private String name(long staffId, String otherwise) {
        // the names of former staff too, whoever asks (a client's move is made as the system)
        return SystemActor.call(() -> staff.displayNames(Set.of(staffId))).getOrDefault(staffId, otherwise);
    }
}
