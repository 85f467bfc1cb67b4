package app.thaw.scheduling.ui;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.thaw.scheduling.DiarySetupService.ExceptionView;
import app.thaw.scheduling.DiarySetupService.HoursView;

/**
 * When someone works on each shown date: the weekly pattern, minus time away, plus extra hours (the same
 * reading as the free-slot finder). For the whole practice the windows of every therapist are merged.
 */
final class WorkingWindows {

    record Window(LocalTime starts, LocalTime ends) {
    }

    private final Map<LocalDate, List<Window>> byDate = new HashMap<>();

    /** Adds one therapist's windows for the given dates. */
    void add(List<LocalDate> dates, List<HoursView> hours, List<ExceptionView> exceptions) {
        for (LocalDate date : dates) {
            List<Window> windows = new ArrayList<>();
            hours.stream().filter(h -> h.day() == date.getDayOfWeek())
                    .forEach(h -> windows.add(new Window(h.starts(), h.ends())));
            List<Window> result = windows;
            for (ExceptionView exception : exceptions) {
                if (!exception.day().equals(date)) {
                    continue;
                }
                if (exception.extra()) {
                    result.add(new Window(exception.starts(), exception.ends()));
                } else if (exception.starts() == null) {
                    result.clear();
                } else {
                    result = subtract(result, new Window(exception.starts(), exception.ends()));
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
