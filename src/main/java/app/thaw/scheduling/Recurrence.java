package app.thaw.scheduling;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** Weekly or fortnightly, for a number of sessions or until a date (whichever the user gave). */
public record Recurrence(boolean fortnightly, @Nullable Integer count, @Nullable LocalDate until) {

    public static final int MAX_OCCURRENCES = 52;
}
