package app.thaw.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.thaw.base.PracticeTime;
import app.thaw.Application;
import app.thaw.scheduling.domain.ClosedDay;
import app.thaw.scheduling.domain.ClosedDayRepository;
import app.thaw.scheduling.domain.TimeAway;
import app.thaw.scheduling.domain.TimeAwayRepository;
import app.thaw.scheduling.domain.WorkingException;
import app.thaw.scheduling.domain.WorkingExceptionRepository;
import app.thaw.scheduling.domain.WorkingHours;
import app.thaw.scheduling.domain.WorkingHoursRepository;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/**
 * Whether a therapist can see a client at a time: the practice is open that day, the therapist is not away, and the
 * time lies within their working hours (weekly hours and extra hours). A therapist whose week has no hours at all has
 * not set their diary up yet, so hours do not limit them; closed days and time away always do.
 */
@Component
class Availability {

    private static final DateTimeFormatter DAY = PracticeTime.DAY;
    private static final DateTimeFormatter TIME = PracticeTime.TIME;

    private final ClosedDayRepository closedDays;
    private final TimeAwayRepository timeAway;
    private final WorkingHoursRepository hours;
    private final WorkingExceptionRepository extras;
    private final StaffAccountService staff;

    Availability(ClosedDayRepository closedDays, TimeAwayRepository timeAway, WorkingHoursRepository hours,
                 WorkingExceptionRepository extras, StaffAccountService staff) {
        this.closedDays = closedDays;
        this.timeAway = timeAway;
        this.hours = hours;
        this.extras = extras;
        this.staff = staff;
    }

    /** Why the therapist cannot see a client from {@code from} to {@code to}, if they cannot. */
    Optional<String> problem(long therapistId, Instant from, Instant to) {
        ZonedDateTime start = from.atZone(Application.PRACTICE_ZONE);
        ZonedDateTime end = to.atZone(Application.PRACTICE_ZONE);
        LocalDate firstDay = start.toLocalDate();
        LocalDate lastDay = end.minusNanos(1).toLocalDate();
        for (ClosedDay day : closedDays.findByDayBetweenOrderByDayAsc(firstDay, lastDay)) {
            if (!day.isOpen()) {
                return Optional.of("The practice is closed on " + DAY.format(day.getDay()) + " (" + day.getName()
                        + ").");
            }
        }
        for (TimeAway away : timeAway.findOverlapping(therapistId, firstDay, lastDay)) {
            if (away.from(Application.PRACTICE_ZONE).isBefore(to) && from.isBefore(away.to(Application.PRACTICE_ZONE))) {
                return Optional.of(name(therapistId) + " is away then (" + describe(away) + ").");
            }
        }
        List<WorkingHours> week = hours.findByTherapistIdOrderByDayOfWeekAscStartsAsc(therapistId);
        if (week.isEmpty() || !firstDay.equals(lastDay)) {
            return Optional.empty();
        }
        List<LocalTime[]> windows = new ArrayList<>();
        week.stream().filter(h -> h.getDay() == firstDay.getDayOfWeek())
                .forEach(h -> windows.add(new LocalTime[] {h.getStarts(), h.getEnds()}));
        extras.findByTherapistIdAndDayBetweenOrderByDayAsc(therapistId, firstDay, firstDay).stream()
                .filter(WorkingException::isExtra)
                .forEach(e -> windows.add(new LocalTime[] {e.getStarts(), e.getEnds()}));
        LocalTime startTime = start.toLocalTime();
        LocalTime endTime = end.toLocalTime();
        if (windows.stream().anyMatch(w -> !startTime.isBefore(w[0]) && !endTime.isAfter(w[1]))) {
            return Optional.empty();
        }
        DayOfWeek day = firstDay.getDayOfWeek();
        if (windows.isEmpty()) {
            return Optional.of(name(therapistId) + " does not work on " + day.getDisplayName(TextStyle.FULL, Locale.UK)
                    + "s.");
        }
        return Optional.of("That is outside " + name(therapistId) + "'s working hours on " + DAY.format(firstDay)
                + " (" + String.join(", ", windows.stream().map(w -> TIME.format(w[0]) + "–" + TIME.format(w[1]))
                        .toList()) + ").");
    }

    static String describe(TimeAway away) {
        String when = away.getStarts() != null
                ? DAY.format(away.getFirstDay()) + " " + TIME.format(away.getStarts()) + "–" + TIME.format(away.getEnds())
                : away.getFirstDay().equals(away.getLastDay()) ? DAY.format(away.getFirstDay())
                : DAY.format(away.getFirstDay()) + " – " + DAY.format(away.getLastDay());
        return away.getReason().label() + ", " + when;
    }

    private String name(long therapistId) {
        return SystemActor.call(() -> staff.displayNames(Set.of(therapistId))).getOrDefault(therapistId,
                "The therapist");
    }
}
