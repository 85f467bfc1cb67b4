package app.thaw.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Proposes free session times: inside the therapist's hours for that date (weekly pattern, minus
 * holidays, plus extra hours), clear of their sessions, in a free room when in person, and when every
 * client said they could come. Pure code; local times are UK wall-clock times, so a 09:00 start stays
 * 09:00 across the clock changes and a time the clocks skip is never offered.
 */
public final class SlotFinder {

    public record WeeklyHours(DayOfWeek day, LocalTime starts, LocalTime ends) {
    }

    public record DatedException(LocalDate day, boolean extra, @Nullable LocalTime starts, @Nullable LocalTime ends) {
    }

    public record Busy(Instant starts, Instant ends) {

        boolean overlaps(Instant otherStart, Instant otherEnd) {
            return starts.isBefore(otherEnd) && otherStart.isBefore(ends);
        }
    }

    public record RoomDiary(long roomId, List<Busy> busy) {
    }

    /** What one client said suits them; empty sets mean "any". */
    public record ClientAvailability(Set<DayOfWeek> days, Set<PartOfDay> times) {

        boolean allows(ZonedDateTime start) {
            return (days.isEmpty() || days.contains(start.getDayOfWeek()))
                    && (times.isEmpty() || times.contains(PartOfDay.of(start.toLocalTime())));
        }
    }

    public enum PartOfDay {
        MORNING, AFTERNOON, EVENING;

        static PartOfDay of(LocalTime time) {
            return time.isBefore(LocalTime.NOON) ? MORNING : time.isBefore(LocalTime.of(17, 0)) ? AFTERNOON : EVENING;
        }
    }

    public record Query(ZoneId zone, Instant notBefore, LocalDate lastDay, Duration length, Duration step,
                        List<WeeklyHours> hours, List<DatedException> exceptions, List<Busy> therapistBusy,
                        @Nullable List<RoomDiary> rooms, List<ClientAvailability> clients, int maxResults) {
    }

    public record Slot(ZonedDateTime start, ZonedDateTime end, @Nullable Long roomId) {
    }

    private SlotFinder() {
    }

    public static List<Slot> find(Query query) {
        Diaries diaries = new Diaries(BusyTimes.of(query.therapistBusy()), query.rooms() == null ? null
                : query.rooms().stream().map(room -> new RoomTimes(room.roomId(), BusyTimes.of(room.busy()))).toList());
        List<Slot> slots = new ArrayList<>();
        LocalDate day = query.notBefore().atZone(query.zone()).toLocalDate();
        for (; !day.isAfter(query.lastDay()) && slots.size() < query.maxResults(); day = day.plusDays(1)) {
            for (Window window : windows(query, day)) {
                for (LocalTime time = window.starts(); !time.isAfter(window.ends()) && slots.size() < query.maxResults();
                     time = time.plus(query.step())) {
                    candidate(query, diaries, day, time, window).ifPresent(slots::add);
                    if (time.plus(query.step()).isBefore(time)) {
                        break;
                    }
                }
            }
        }
        return slots;
    }

    private record Window(LocalTime starts, LocalTime ends) {
    }

    private record RoomTimes(long roomId, BusyTimes busy) {
    }

    /** The query's busy times, indexed once per search. */
    private record Diaries(BusyTimes therapist, @Nullable List<RoomTimes> rooms) {
    }

    /** The working windows of one date: the weekly pattern, minus absences, plus extra hours. */
    static List<Window> windows(Query query, LocalDate day) {
        List<Window> windows = new ArrayList<>();
        for (WeeklyHours hours : query.hours()) {
            if (hours.day() == day.getDayOfWeek()) {
                windows.add(new Window(hours.starts(), hours.ends()));
            }
        }
        for (DatedException exception : query.exceptions()) {
            if (!exception.day().equals(day)) {
                continue;
            }
            if (exception.extra()) {
                windows.add(new Window(Objects.requireNonNull(exception.starts(), "an extra window has times"),
                        Objects.requireNonNull(exception.ends(), "an extra window has times")));
            } else if (exception.starts() == null) {
                windows.clear();
            } else {
                windows = subtract(windows, new Window(exception.starts(),
                        Objects.requireNonNull(exception.ends(), "set with starts")));
            }
        }
        windows.sort(java.util.Comparator.comparing(Window::starts));
        return windows;
    }

    private static List<Window> subtract(List<Window> windows, Window absence) {
        List<Window> left = new ArrayList<>();
        for (Window window : windows) {
            if (!absence.starts().isBefore(window.ends()) || !window.starts().isBefore(absence.ends())) {
                left.add(window);
                continue;
            }
            if (window.starts().isBefore(absence.starts())) {
                left.add(new Window(window.starts(), absence.starts()));
            }
            if (absence.ends().isBefore(window.ends())) {
                left.add(new Window(absence.ends(), window.ends()));
            }
        }
        return left;
    }

    private static java.util.Optional<Slot> candidate(Query query, Diaries diaries, LocalDate day, LocalTime time,
                                                      Window window) {
        ZonedDateTime start = ZonedDateTime.of(day, time, query.zone());
        if (!start.toLocalTime().equals(time)) {
            return java.util.Optional.empty();
        }
        ZonedDateTime end = start.plus(query.length());
        ZonedDateTime windowEnd = ZonedDateTime.of(day, window.ends(), query.zone());
        if (end.isAfter(windowEnd) || start.toInstant().isBefore(query.notBefore())) {
            return java.util.Optional.empty();
        }
        Instant from = start.toInstant();
        Instant to = end.toInstant();
        if (diaries.therapist().overlaps(from, to)
                || !query.clients().stream().allMatch(client -> client.allows(start))) {
            return java.util.Optional.empty();
        }
        if (diaries.rooms() == null) {
            return java.util.Optional.of(new Slot(start, end, null));
        }
        return diaries.rooms().stream()
                .filter(room -> !room.busy().overlaps(from, to))
                .findFirst()
                .map(room -> new Slot(start, end, room.roomId()));
    }
}
