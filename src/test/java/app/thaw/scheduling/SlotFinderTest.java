package app.thaw.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SlotFinderTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void offersTimesInsideWorkingHoursOnly() {
        var slots = SlotFinder.find(query(MONDAY, MONDAY, hours(DayOfWeek.MONDAY, 9, 12), List.of(), List.of(),
                null, List.of(), 50));

        assertThat(starts(slots)).containsExactly("09:00", "09:30", "10:00", "10:30", "11:00");
        assertThat(slots.getLast().end().toLocalTime()).isEqualTo(LocalTime.of(11, 50));
    }

    @Test
    void aHolidayRemovesTheDayAndPartialAbsenceOrExtraHoursReshapeIt() {
        var holiday = new SlotFinder.DatedException(MONDAY, false, null, null);
        var away = new SlotFinder.DatedException(MONDAY, false, LocalTime.of(10, 0), LocalTime.of(11, 0));
        var extra = new SlotFinder.DatedException(MONDAY, true, LocalTime.of(18, 0), LocalTime.of(19, 0));

        assertThat(SlotFinder.find(query(MONDAY, MONDAY, hours(DayOfWeek.MONDAY, 9, 12), List.of(holiday), List.of(),
                null, List.of(), 50))).isEmpty();
        assertThat(starts(SlotFinder.find(query(MONDAY, MONDAY, hours(DayOfWeek.MONDAY, 9, 12), List.of(away, extra),
                List.of(), null, List.of(), 50)))).containsExactly("09:00", "11:00", "18:00");
    }

    @Test
    void existingSessionsAndFullRoomsAreSkipped() {
        var booked = busy(MONDAY, 9, 30, 50);
        var room1 = new SlotFinder.RoomDiary(1, List.of(busy(MONDAY, 10, 30, 60)));
        var room2 = new SlotFinder.RoomDiary(2, List.of());

        var slots = SlotFinder.find(query(MONDAY, MONDAY, hours(DayOfWeek.MONDAY, 9, 13), List.of(), List.of(booked),
                List.of(room1, room2), List.of(), 50));

        assertThat(starts(slots)).containsExactly("10:30", "11:00", "11:30", "12:00");
        assertThat(slots.stream().map(SlotFinder.Slot::roomId).toList()).containsExactly(2L, 2L, 1L, 1L);
    }

    @Test
    void aCoupleGetsOnlyTimesThatSuitBothPartners() {
        var first = new SlotFinder.ClientAvailability(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                Set.of(SlotFinder.PartOfDay.AFTERNOON, SlotFinder.PartOfDay.EVENING));
        var second = new SlotFinder.ClientAvailability(Set.of(DayOfWeek.TUESDAY), Set.of(SlotFinder.PartOfDay.EVENING));

        var slots = SlotFinder.find(query(MONDAY, MONDAY.plusDays(1), List.of(
                new SlotFinder.WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(20, 0)),
                new SlotFinder.WeeklyHours(DayOfWeek.TUESDAY, LocalTime.of(12, 0), LocalTime.of(20, 0))),
                List.of(), List.of(), null, List.of(first, second), 50));

        assertThat(slots).isNotEmpty().allSatisfy(slot -> {
            assertThat(slot.start().getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
            assertThat(slot.start().toLocalTime()).isAfterOrEqualTo(LocalTime.of(17, 0));
        });
    }

    @Test
    void onTheSpringClockChangeTheSkippedHourIsNeverOfferedAndLengthsStayTrue() {
        LocalDate springSunday = LocalDate.of(2027, 3, 28);
        var slots = SlotFinder.find(query(springSunday, springSunday, hours(DayOfWeek.SUNDAY, 0, 4), List.of(),
                List.of(), null, List.of(), 50));

        assertThat(starts(slots)).doesNotContain("01:00", "01:30").contains("00:00", "02:00", "02:30");
        assertThat(slots).allSatisfy(slot ->
                assertThat(Duration.between(slot.start(), slot.end())).isEqualTo(Duration.ofMinutes(50)));
        var acrossTheChange = slots.stream().filter(slot -> slot.start().toLocalTime().equals(LocalTime.of(0, 30)))
                .findFirst().orElseThrow();
        assertThat(acrossTheChange.end().toLocalTime()).isEqualTo(LocalTime.of(2, 20));
    }

    @Test
    void onTheAutumnClockChangeA0130SessionIsOfferedOnceAndLastsFiftyMinutes() {
        LocalDate autumnSunday = LocalDate.of(2026, 10, 25);
        var slots = SlotFinder.find(new SlotFinder.Query(LONDON,
                autumnSunday.atStartOfDay(LONDON).toInstant(), autumnSunday, Duration.ofMinutes(50),
                Duration.ofMinutes(30), hours(DayOfWeek.SUNDAY, 1, 3), List.of(), List.of(), null, List.of(), 50));

        var halfPastOne = slots.stream().filter(s -> s.start().toLocalTime().equals(LocalTime.of(1, 30))).toList();
        assertThat(halfPastOne).hasSize(1);
        assertThat(Duration.between(halfPastOne.getFirst().start(), halfPastOne.getFirst().end()))
                .isEqualTo(Duration.ofMinutes(50));
    }

    @Test
    void nothingInThePastAndNoMoreThanAskedFor() {
        var now = ZonedDateTime.of(MONDAY, LocalTime.of(10, 10), LONDON).toInstant();
        var slots = SlotFinder.find(new SlotFinder.Query(LONDON, now, MONDAY.plusDays(7), Duration.ofMinutes(50),
                Duration.ofMinutes(30), hours(DayOfWeek.MONDAY, 9, 17), List.of(), List.of(), null, List.of(), 3));

        assertThat(starts(slots)).containsExactly("10:30", "11:00", "11:30");
    }

    private static SlotFinder.Query query(LocalDate first, LocalDate last, List<SlotFinder.WeeklyHours> hours,
                                          List<SlotFinder.DatedException> exceptions, List<SlotFinder.Busy> busy,
                                          List<SlotFinder.RoomDiary> rooms, List<SlotFinder.ClientAvailability> clients,
                                          int max) {
        return new SlotFinder.Query(LONDON, first.atStartOfDay(LONDON).toInstant(), last, Duration.ofMinutes(50),
                Duration.ofMinutes(30), hours, exceptions, busy, rooms, clients, max);
    }

    private static List<SlotFinder.WeeklyHours> hours(DayOfWeek day, int from, int to) {
        return List.of(new SlotFinder.WeeklyHours(day, LocalTime.of(from, 0), LocalTime.of(to, 0)));
    }

    private static SlotFinder.Busy busy(LocalDate day, int hour, int minute, int minutes) {
        var start = ZonedDateTime.of(day, LocalTime.of(hour, minute), LONDON);
        return new SlotFinder.Busy(start.toInstant(), start.plusMinutes(minutes).toInstant());
    }

    private static List<String> starts(List<SlotFinder.Slot> slots) {
        return slots.stream().map(s -> s.start().toLocalTime().toString()).toList();
    }
}
