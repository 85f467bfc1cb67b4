package app.thaw.scheduling.ui;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import app.thaw.scheduling.DiarySetupService.ExceptionView;
import app.thaw.scheduling.DiarySetupService.HoursView;
import app.thaw.scheduling.LeaveService.AwayView;
import app.thaw.scheduling.LeaveService.ClosedDayView;

/**
 * When someone works on each shown date: the weekly pattern plus extra hours, minus time away and closed days (the
 * same reading as the free-slot finder and the booking check). For the whole practice every therapist's are merged.
 */
final class WorkingWindows {

    record Window(LocalTime starts, LocalTime ends) {
    }

    private final Map<LocalDate, List<Window>> byDate = new HashMap<>();

    /** Adds one therapist's windows for the given dates: hours and extra hours, less time away and closed days. */
    void add(List<LocalDate> dates, List<HoursView> hours, List<ExceptionView> extras, List<AwayView> away,
             List<ClosedDayView> closed) {
        for (LocalDate date : dates) {
            List<Window> windows = new ArrayList<>();
            hours.stream().filter(h -> h.day() == date.getDayOfWeek())
                    .forEach(h -> windows.add(new Window(h.starts(), h.ends())));
            extras.stream().filter(e -> e.day().equals(date))
                    .forEach(e -> windows.add(new Window(Objects.requireNonNull(e.starts(), "an extra window has times"),
                            Objects.requireNonNull(e.ends(), "an extra window has times"))));
            List<Window> result = windows;
            if (closed.stream().anyMatch(day -> day.day().equals(date) && !day.open())) {
                result.clear();
            }
            for (AwayView time : away) {
                if (date.isBefore(time.firstDay()) || date.isAfter(time.lastDay())) {
                    continue;
                }
                if (time.starts() == null) {
                    result.clear();
                } else {
                    result = subtract(result, new Window(time.starts(),
                            Objects.requireNonNull(time.ends(), "set with starts")));
                }
            }
            byDate.merge(date, result, (a, b) -> {
                List<Window> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        }
    }

    /** The date's windows, sorted and with overlaps merged. */
    List<Window> on(LocalDate date) {
        List<Window> windows = new ArrayList<>(byDate.getOrDefault(date, List.of()));
        windows.sort(Comparator.comparing(Window::starts));
        List<Window> merged = new ArrayList<>();
        for (Window window : windows) {
            if (!merged.isEmpty() && !window.starts().isAfter(merged.getLast().ends())) {
                Window last = merged.removeLast();
                merged.add(new Window(last.starts(), window.ends().isAfter(last.ends()) ? window.ends() : last.ends()));
            } else {
                merged.add(window);
            }
        }
        return merged;
    }

    private static List<Window> subtract(List<Window> windows, Window away) {
        List<Window> left = new ArrayList<>();
        for (Window window : windows) {
            if (!away.starts().isBefore(window.ends()) || !window.starts().isBefore(away.ends())) {
                left.add(window);
                continue;
            }
            if (window.starts().isBefore(away.starts())) {
                left.add(new Window(window.starts(), away.starts()));
            }
            if (away.ends().isBefore(window.ends())) {
                left.add(new Window(away.ends(), window.ends()));
            }
        }
        return left;
    }
}
