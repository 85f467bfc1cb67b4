package app.thaw.scheduling;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import app.thaw.Application;

/** Weekly or fortnightly, for a number of sessions or until a date (whichever the user gave). */
public record Recurrence(boolean fortnightly, @Nullable Integer count, @Nullable LocalDate until) {

    public static final int MAX_OCCURRENCES = 52;

    /** Same weekday and UK wall-clock time every week or fortnight, whatever the clocks do in between. */
    List<ZonedDateTime> occurrences(ZonedDateTime first) {
        List<ZonedDateTime> starts = new ArrayList<>();
        int limit = count == null ? MAX_OCCURRENCES : Math.min(count, MAX_OCCURRENCES);
        ZonedDateTime local = first.withZoneSameInstant(Application.PRACTICE_ZONE);
        for (int i = 0; i < limit; i++) {
            ZonedDateTime next = local.plusWeeks((long) i * (fortnightly ? 2 : 1));
            if (until != null && next.toLocalDate().isAfter(until)) {
                break;
            }
            starts.add(next);
        }
        return starts;
    }
}
