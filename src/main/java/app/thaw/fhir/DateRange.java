package app.thaw.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import app.thaw.Application;

/**
 * FHIR date search parameters ({@code date=ge2026-01-01&date=lt2026-02-01}) as one half-open range of instants. A
 * day means the practice's day (Europe/London); a date-time must carry its offset.
 */
public record DateRange(@Nullable Instant from, @Nullable Instant until) {

    public static final DateRange ANY = new DateRange(null, null);

    /** @throws FhirRequestRefused (400) for a value that is not a FHIR date search */
    public static DateRange parse(List<String> values) {
        Instant from = null;
        Instant until = null;
        for (String raw : values) {
            String value = raw.strip();
            String prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
            String when = prefix.equals("eq") && !value.startsWith("eq") ? value : value.substring(2);
            Instant start;
            Instant end;
            try {
                if (when.length() == 10) {
                    LocalDate day = LocalDate.parse(when);
                    start = day.atStartOfDay(Application.PRACTICE_ZONE).toInstant();
                    end = day.plusDays(1).atStartOfDay(Application.PRACTICE_ZONE).toInstant();
                } else {
                    start = OffsetDateTime.parse(when).toInstant();
                    end = start.plusMillis(1);
                }
            } catch (DateTimeParseException e) {
                throw FhirRequestRefused.invalid("'" + raw + "' is not a date (yyyy-MM-dd) or a date-time with its "
                        + "offset (2026-01-31T09:00:00Z), optionally after ge, gt, le, lt or eq.");
            }
            switch (prefix) {
                case "eq" -> {
                    from = later(from, start);
                    until = earlier(until, end);
                }
                case "ge" -> from = later(from, start);
                case "gt" -> from = later(from, end);
                case "le" -> until = earlier(until, end);
                case "lt" -> until = earlier(until, start);
                default -> throw FhirRequestRefused.invalid("Date prefix '" + prefix + "' is not supported: use eq, "
                        + "ge, gt, le or lt.");
            }
        }
        return new DateRange(from, until);
    }

    public boolean contains(@Nullable Instant instant) {
        if (instant == null) {
            return from == null && until == null;
        }
        return (from == null || !instant.isBefore(from)) && (until == null || instant.isBefore(until));
    }

    private static Instant later(@Nullable Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }

    private static Instant earlier(@Nullable Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
