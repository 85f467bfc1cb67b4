package app.thaw.practice;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How many minutes a therapist was there to see clients over some days: weekly hours and extra hours, merged, less time
 * away (whole or part days) and the practice's closed days. Pure, so the utilisation report is tested on its own.
 */
final class WorkingMinutes {

    record Weekly(DayOfWeek day, LocalTime starts, LocalTime ends) {
    }

    record Extra(LocalDate day, LocalTime starts, LocalTime ends) {
    }

    record Away(LocalDate firstDay, LocalDate lastDay, @Nullable LocalTime starts, @Nullable LocalTime ends) {
    }

    private record Span(int from, int to) {
    }

    private WorkingMinutes() {
    }

    static long between(LocalDate first, LocalDate last, List<Weekly> weekly, List<Extra> extras, List<Away> away,
                        Set<LocalDate> closed) {
        long total = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (closed.contains(day)) {
                continue;
            }
            List<Span> spans = new ArrayList<>();
            for (Weekly w : weekly) {
                if (w.day() == day.getDayOfWeek()) {
                    spans.add(new Span(minute(w.starts()), minute(w.ends())));
                }
            }
            for (Extra e : extras) {
                if (e.day().equals(day)) {
                    spans.add(new Span(minute(e.starts()), minute(e.ends())));
                }
            }
            spans = merge(spans);
            for (Away a : away) {
                if (!day.isBefore(a.firstDay()) && !day.isAfter(a.lastDay())) {
                    spans = a.starts() == null ? List.of()
                            : subtract(spans, new Span(minute(a.starts()),
                                    minute(Objects.requireNonNull(a.ends(), "set with starts"))));
                }
            }
            total += spans.stream().mapToLong(s -> s.to() - s.from()).sum();
        }
        return total;
    }

    private static int minute(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private static List<Span> merge(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::from));
        List<Span> merged = new ArrayList<>();
        for (Span span : sorted) {
            if (!merged.isEmpty() && span.from() <= merged.getLast().to()) {
                Span last = merged.removeLast();
                merged.add(new Span(last.from(), Math.max(last.to(), span.to())));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    private static List<Span> subtract(List<Span> spans, Span away) {
        List<Span> left = new ArrayList<>();
        for (Span span : spans) {
            if (away.to() <= span.from() || span.to() <= away.from()) {
                left.add(span);
                continue;
            }
            if (span.from() < away.from()) {
                left.add(new Span(span.from(), away.from()));
            }
            if (away.to() < span.to()) {
                left.add(new Span(away.to(), span.to()));
            }
        }
        return left;
    }
}
