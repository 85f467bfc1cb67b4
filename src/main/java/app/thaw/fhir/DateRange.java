package app.thaw.fhir;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import app.thaw.Application;

/**
 * FHIR date search parameters ({@code date=ge2026-01&date=lt2026-02-15}) as one half-open range of instants, less any
 * intervals {@code ne} leaves out. Each value is the interval of its precision (FHIR R4 search): a year, month or day
 * is the practice's (Europe/London), a date-time carries its offset and spans its minute, second or fraction.
 */
public record DateRange(@Nullable Instant from, @Nullable Instant until, List<Interval> excluded) {

    public static final DateRange ANY = new DateRange(null, null, List.of());

    /** The prefixes served; {@code ap} is not, as "approximately" has no agreed width. */
    static final List<String> PREFIXES = List.of("eq", "ne", "gt", "ge", "lt", "le", "sa", "eb");

    /** Year, month, day, then hour:minute, seconds and fraction, and an offset a time must have (FHIR dateTime). */
    private static final Pattern VALUE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2})"
            + "(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}:\\d{2}))?)?)?");

    /** The instants from {@code start} up to, not including, {@code end}. */
    public record Interval(Instant start, Instant end) {

        boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    public DateRange {
        excluded = List.copyOf(excluded);
    }

    /** @throws FhirRequestRefused (400) for a value that is not a FHIR date search */
    public static DateRange parse(List<String> values) {
        Instant from = null;
        Instant until = null;
        List<Interval> excluded = new ArrayList<>();
        for (String raw : values) {
            String value = raw.strip();
            boolean prefixed = value.length() > 2 && Character.isLetter(value.charAt(0))
                    && Character.isLetter(value.charAt(1));
            String prefix = prefixed ? value.substring(0, 2) : "eq";
            Interval interval;
            try {
                interval = interval(prefixed ? value.substring(2) : value);
            } catch (DateTimeException e) {
                throw FhirRequestRefused.invalid("'" + raw + "' is not a FHIR date: give a year (2026), a month "
                        + "(2026-11), a day (2026-11-24) or a date-time with its offset (2026-11-24T08:19Z, "
                        + "2026-11-24T08:19:33Z), optionally after " + String.join(", ", PREFIXES) + ".");
            }
            switch (prefix) {
                case "eq" -> {
                    from = later(from, interval.start());
                    until = earlier(until, interval.end());
                }
                case "ne" -> excluded.add(interval);
                case "ge" -> from = later(from, interval.start());
                case "gt", "sa" -> from = later(from, interval.end());
                case "le" -> until = earlier(until, interval.end());
                case "lt", "eb" -> until = earlier(until, interval.start());
                default -> throw FhirRequestRefused.invalid("Date prefix '" + prefix + "' is not supported: use "
                        + String.join(", ", PREFIXES) + ".");
            }
        }
        return new DateRange(from, until, excluded);
    }

    /** The interval one value (without its prefix) stands for. */
    static Interval interval(String value) {
        Matcher parts = VALUE.matcher(value);
        if (!parts.matches()) {
            throw new DateTimeException("Not a FHIR date: " + value);
        }
        int year = Integer.parseInt(parts.group(1));
        if (parts.group(2) == null) {
            return days(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        }
        YearMonth month = YearMonth.of(year, Integer.parseInt(parts.group(2)));
        if (parts.group(3) == null) {
            return days(month.atDay(1), month.plusMonths(1).atDay(1));
        }
        LocalDate day = month.atDay(Integer.parseInt(parts.group(3)));
        if (parts.group(4) == null) {
            return days(day, day.plusDays(1));
        }
        String fraction = parts.group(7);
        LocalTime time = LocalTime.of(Integer.parseInt(parts.group(4)), Integer.parseInt(parts.group(5)),
                parts.group(6) == null ? 0 : Integer.parseInt(parts.group(6)),
                fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9)));
        Instant start = OffsetDateTime.of(day, time, ZoneOffset.of(parts.group(8))).toInstant();
        Duration width = parts.group(6) == null ? Duration.ofMinutes(1)
                : fraction == null ? Duration.ofSeconds(1)
                : Duration.ofNanos((long) Math.pow(10, 9 - fraction.length()));
        return new Interval(start, start.plus(width));
    }

    public boolean contains(@Nullable Instant instant) {
        if (instant == null) {
            return from == null && until == null && excluded.isEmpty();
        }
        return (from == null || !instant.isBefore(from)) && (until == null || instant.isBefore(until))
                && excluded.stream().noneMatch(interval -> interval.contains(instant));
    }

    private static Interval days(LocalDate first, LocalDate next) {
        return new Interval(first.atStartOfDay(Application.PRACTICE_ZONE).toInstant(),
                next.atStartOfDay(Application.PRACTICE_ZONE).toInstant());
    }

    private static Instant later(@Nullable Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }

    private static Instant earlier(@Nullable Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
