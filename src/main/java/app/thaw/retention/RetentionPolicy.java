package app.thaw.retention;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import app.thaw.Application;

/**
 * How long the practice keeps what it holds: clinical records so many years after a case is closed, intakes of
 * people who never became clients so many months. The limits match the database checks in V12.
 */
public record RetentionPolicy(int clinicalYears, int nonClientMonths) {

    public static final int YEARS_MIN = 1;
    public static final int YEARS_MAX = 30;
    public static final int MONTHS_MIN = 1;
    public static final int MONTHS_MAX = 120;

    /** Closed cases whose closure is at or before this instant are due. */
    public Instant clinicalCutoff(Instant now) {
        return now.atZone(Application.PRACTICE_ZONE).minusYears(clinicalYears).toInstant();
    }

    /** Intakes that never became clients, last touched at or before this instant, are due. */
    public Instant nonClientCutoff(Instant now) {
        return now.atZone(Application.PRACTICE_ZONE).minusMonths(nonClientMonths).toInstant();
    }

    /** The message for the years field, or null when the value is acceptable. */
    public static @Nullable String yearsProblem(@Nullable Integer years) {
        if (years == null || years < YEARS_MIN || years > YEARS_MAX) {
            return "Keep clinical records for between " + YEARS_MIN + " and " + YEARS_MAX
                    + " years after a case is closed.";
        }
        return null;
    }

    /** The message for the months field, or null when the value is acceptable. */
    public static @Nullable String monthsProblem(@Nullable Integer months) {
        if (months == null || months < MONTHS_MIN || months > MONTHS_MAX) {
            return "Keep intakes that never became clients for between " + MONTHS_MIN + " and " + MONTHS_MAX
                    + " months.";
        }
        return null;
    }
}
