package app.thaw.scheduling.ui;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import app.thaw.scheduling.LeaveService;
import app.thaw.scheduling.SessionView;

/**
 * The hours a diary grid draws, in minutes into the day ({@code last} may be 1440, the day's end): 08:00–21:00,
 * widened in whole hours to hold every session, working window and time away on the days shown, so a session a
 * manager booked at 21:30 is drawn whole instead of as a sliver at the grid's edge.
 */
record DiaryHours(int first, int last) {

    static final int DAY_END = 24 * 60;
    static final DiaryHours USUAL = new DiaryHours(8 * 60, 21 * 60);
    private static final int HOUR = 60;

    /** A stretch of one day, in minutes into it; {@code to} is 1440 for a stretch running to midnight. */
    record Span(int from, int to) {
    }

    DiaryHours {
        if (first < 0 || last > DAY_END || first >= last) {
            throw new IllegalArgumentException("Diary hours out of the day: " + first + "–" + last);
        }
    }

    /** The usual hours widened for everything the days show. */
    static DiaryHours of(List<LocalDate> days, List<SessionView> sessions, WorkingWindows working,
                         List<LeaveService.AwayView> away) {
        DiaryHours hours = USUAL;
        for (LocalDate day : days) {
            for (SessionView session : sessions) {
                Optional<Span> span = onDay(day, session.start().toLocalDateTime(), session.end().toLocalDateTime());
                if (span.isPresent()) {
                    hours = hours.including(span.get());
                }
            }
            for (WorkingWindows.Window window : working.on(day)) {
                hours = hours.including(span(window.starts(), window.ends()));
            }
            for (LeaveService.AwayView time : away) {
                if (time.starts() != null && time.ends() != null && !day.isBefore(time.firstDay())
                        && !day.isAfter(time.lastDay())) {
                    hours = hours.including(span(time.starts(), time.ends()));
                }
            }
        }
        return hours;
    }

    /** These hours widened to whole hours around the stretch, never past midnight either side. */
    DiaryHours including(Span span) {
        int from = Math.clamp(Math.floorDiv(span.from(), HOUR) * HOUR, 0, DAY_END - HOUR);
        int to = Math.clamp(Math.ceilDiv(span.to(), HOUR) * HOUR, HOUR, DAY_END);
        return new DiaryHours(Math.min(first, from), Math.max(last, to));
    }

    /**
     * The part of a session on this day: from its start (or 00:00 if it began the day before) to its end (or 24:00 if
     * it runs past midnight). A session starting on the day always has a part, however short.
     */
    static Optional<Span> onDay(LocalDate day, LocalDateTime start, LocalDateTime end) {
        LocalDateTime dayStart = day.atStartOfDay();
        LocalDateTime dayEnd = day.plusDays(1).atStartOfDay();
        boolean startsToday = start.toLocalDate().equals(day);
        boolean runsInto = start.isBefore(dayStart) && end.isAfter(dayStart);
        if (!startsToday && !runsInto) {
            return Optional.empty();
        }
        int from = startsToday ? minutes(start.toLocalTime()) : 0;
        int to = end.isBefore(dayEnd) ? minutes(end.toLocalTime()) : DAY_END;
        return Optional.of(new Span(from, Math.max(from, to)));
    }

    /** A stretch between two times of one day; an end at 00:00 after its start is the day's end. */
    static Span span(LocalTime from, LocalTime to) {
        int end = to.equals(LocalTime.MIDNIGHT) ? DAY_END : minutes(to);
        return new Span(minutes(from), Math.max(minutes(from), end));
    }

    static int minutes(LocalTime time) {
        return time.getHour() * HOUR + time.getMinute();
    }

    /** The time of day a minute stands for; 24:00 has none, so callers label only times before the last. */
    static LocalTime time(int minutes) {
        return LocalTime.MIDNIGHT.plus(Duration.ofMinutes(minutes));
    }
}
