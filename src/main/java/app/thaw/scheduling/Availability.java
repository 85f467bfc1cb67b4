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

import org.springframework.jdbc.core.JdbcTemplate;
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
 * not set their diary up yet, so hours do not limit them; closed days and time away always do. A booking asks one
 * query ({@link #CLEAR}) whether nothing at all stands in the way; only when something might does the full check
 * below read the rows and word the reason, so the answer is the same, only cheaper when the time is free. The same
 * hours, time away and closed days are what the slot finder searches within.
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
    private final JdbcTemplate jdbc;

    /**
     * True only when no closed day and no time away of the therapist touches the days at all, and either their week
     * has no hours, or a weekly or extra window of that day holds it whole (no window runs past midnight, so a time
     * spanning two days never is): exactly when
     * {@link #problem} would find nothing without looking closer. Anything else (even time away on the day but at
     * another hour) goes to the full check, so this never lets through what the full check refuses.
     */
    static final String CLEAR = """
            select not exists (select 1 from closed_day where day between ? and ? and not open)
               and not exists (select 1 from time_away where therapist_id = ? and last_day >= ? and first_day <= ?)
               and (not exists (select 1 from working_hours where therapist_id = ?)
                    or exists (select 1 from working_hours where therapist_id = ? and day_of_week = ?
                                  and starts <= ? and ends >= ?)
                    or exists (select 1 from working_exception where therapist_id = ? and day = ? and kind = 'EXTRA'
                                  and starts <= ? and ends >= ?))""";

    Availability(ClosedDayRepository closedDays, TimeAwayRepository timeAway, WorkingHoursRepository hours,
                 WorkingExceptionRepository extras, StaffAccountService staff, JdbcTemplate jdbc) {
        this.closedDays = closedDays;
        this.timeAway = timeAway;
        this.hours = hours;
        this.extras = extras;
        this.staff = staff;
        this.jdbc = jdbc;
    }

    /** Why the therapist cannot see a client from {@code from} to {@code to}, if they cannot. */
    Optional<String> problem(long therapistId, Instant from, Instant to) {
        ZonedDateTime start = from.atZone(Application.PRACTICE_ZONE);
        ZonedDateTime end = to.atZone(Application.PRACTICE_ZONE);
        LocalDate firstDay = start.toLocalDate();
        LocalDate lastDay = end.minusNanos(1).toLocalDate();
        if (clear(therapistId, firstDay, lastDay, start.toLocalTime(), until(end, firstDay))) {
            return Optional.empty();
        }
        return problem(therapistId, from, to, start, end, firstDay, lastDay);
    }

    private boolean clear(long therapistId, LocalDate firstDay, LocalDate lastDay, LocalTime startTime,
                          LocalTime endTime) {
        Boolean clear = jdbc.queryForObject(CLEAR, Boolean.class, firstDay, lastDay, therapistId, firstDay, lastDay,
                therapistId, therapistId, firstDay.getDayOfWeek().getValue(), startTime, endTime, therapistId, firstDay,
                startTime, endTime);
        return Boolean.TRUE.equals(clear);
    }

    private Optional<String> problem(long therapistId, Instant from, Instant to, ZonedDateTime start,
                                     ZonedDateTime end, LocalDate firstDay, LocalDate lastDay) {
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
        if (week.isEmpty()) {
            return Optional.empty();
        }
        List<LocalTime[]> windows = new ArrayList<>();
        week.stream().filter(h -> h.getDay() == firstDay.getDayOfWeek())
                .forEach(h -> windows.add(new LocalTime[] {h.getStarts(), h.getEnds()}));
        extras.findByTherapistIdAndDayBetweenOrderByDayAsc(therapistId, firstDay, firstDay).stream()
                .filter(WorkingException::isExtra)
                .forEach(e -> windows.add(new LocalTime[] {e.getStarts(), e.getEnds()}));
        LocalTime startTime = start.toLocalTime();
        LocalTime endTime = until(end, firstDay);
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

    /**
     * When a time ends on its first day's clock: a session ending at or after midnight ends after every window of
     * that day, since no working hours run past midnight (00:20 must not read as early in the morning).
     */
    private static LocalTime until(ZonedDateTime end, LocalDate firstDay) {
        return end.toLocalDate().equals(firstDay) ? end.toLocalTime() : LocalTime.MAX;
    }

    /** The therapist's weekly hours as the slot finder reads them. */
    List<SlotFinder.WeeklyHours> weeklyHours(long therapistId) {
        return hours.findByTherapistIdOrderByDayOfWeekAscStartsAsc(therapistId).stream()
                .map(h -> new SlotFinder.WeeklyHours(h.getDay(), h.getStarts(), h.getEnds())).toList();
    }

    /** Extra hours first, then time away and closed days, which win over them (SlotFinder reads them in order). */
    List<SlotFinder.DatedException> datedExceptions(long therapistId, LocalDate first, LocalDate last) {
        List<SlotFinder.DatedException> dated = new ArrayList<>(extras
                .findByTherapistIdAndDayBetweenOrderByDayAsc(therapistId, first, last).stream()
                .map(e -> new SlotFinder.DatedException(e.getDay(), true, e.getStarts(), e.getEnds())).toList());
        for (TimeAway away : timeAway.findOverlapping(therapistId, first, last)) {
            LocalDate from = away.getFirstDay().isBefore(first) ? first : away.getFirstDay();
            LocalDate to = away.getLastDay().isAfter(last) ? last : away.getLastDay();
            from.datesUntil(to.plusDays(1)).forEach(day -> dated.add(new SlotFinder.DatedException(day, false,
                    away.getStarts(), away.getEnds())));
        }
        closedDays.findByDayBetweenOrderByDayAsc(first, last).stream().filter(day -> !day.isOpen())
                .forEach(day -> dated.add(new SlotFinder.DatedException(day.getDay(), false, null, null)));
        return dated;
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
