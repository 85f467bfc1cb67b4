package app.thaw.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingMinutesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final List<WorkingMinutes.Weekly> WEEKDAYS_NINE_TO_FIVE = List.of(DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY).stream()
            .map(day -> new WorkingMinutes.Weekly(day, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList();

    @Test
    void aWeekOfHoursLessTimeAwayAndAClosedDayPlusExtraHours() {
        assertThat(WorkingMinutes.between(MONDAY, MONDAY.plusDays(6), WEEKDAYS_NINE_TO_FIVE, List.of(), List.of(),
                Set.of())).isEqualTo(5 * 8 * 60);
        long lessAway = WorkingMinutes.between(MONDAY, MONDAY.plusDays(6), WEEKDAYS_NINE_TO_FIVE,
                List.of(new WorkingMinutes.Extra(MONDAY.plusDays(5), LocalTime.of(10, 0), LocalTime.of(12, 0)),
                        // overlapping the usual hours counts once
                        new WorkingMinutes.Extra(MONDAY, LocalTime.of(16, 0), LocalTime.of(19, 0))),
                List.of(new WorkingMinutes.Away(MONDAY.plusDays(1), MONDAY.plusDays(2), null, null),
                        new WorkingMinutes.Away(MONDAY.plusDays(3), MONDAY.plusDays(3), LocalTime.of(13, 0),
                                LocalTime.of(14, 30))),
                Set.of(MONDAY.plusDays(4)));
        // Monday 9–19 (600), Thursday 8 h less 90 min (390), Saturday's extra 2 h (120)
        assertThat(lessAway).isEqualTo(600 + 390 + 120);
    }
}
