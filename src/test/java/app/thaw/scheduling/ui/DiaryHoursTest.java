package app.thaw.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.AwayReason;
import app.thaw.scheduling.DiarySetupService.ExceptionView;
import app.thaw.scheduling.DiarySetupService.HoursView;
import app.thaw.scheduling.LeaveService.AwayView;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.SessionView;

/** The diary's hours: 08:00–21:00 unless the days shown hold something earlier or later, then whole hours around it. */
class DiaryHoursTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final LocalDate MONDAY = LocalDate.of(2031, 3, 3);
    private static final List<LocalDate> WEEK = MONDAY.datesUntil(MONDAY.plusDays(7)).toList();

    @Test
    void aWeekInsideTheUsualHoursKeepsThem() {
        var hours = DiaryHours.of(WEEK, List.of(session(MONDAY.atTime(8, 0), 50), session(MONDAY.atTime(20, 10), 50)),
                working(LocalTime.of(9, 0), LocalTime.of(17, 0)), List.of());

        assertThat(hours).isEqualTo(new DiaryHours(8 * 60, 21 * 60));
    }

    @Test
    void aLateAndAnEarlySessionWidenTheHoursToTheWholeHoursAroundThem() {
        var hours = DiaryHours.of(WEEK, List.of(session(MONDAY.atTime(21, 30), 50),
                session(MONDAY.plusDays(1).atTime(7, 0), 50)), new WorkingWindows(), List.of());

        assertThat(hours).isEqualTo(new DiaryHours(7 * 60, 23 * 60));
        // a session starting at 07:40 needs 07:00; one ending at 21:05 needs 22:00
        assertThat(DiaryHours.USUAL.including(new DiaryHours.Span(7 * 60 + 40, 21 * 60 + 5)))
                .isEqualTo(new DiaryHours(7 * 60, 22 * 60));
    }

    @Test
    void workingHoursAndTimeAwayWidenTheHoursTooButAWholeDayAwayDoesNot() {
        var early = DiaryHours.of(WEEK, List.of(), working(LocalTime.of(7, 0), LocalTime.of(22, 0)), List.of());
        assertThat(early).isEqualTo(new DiaryHours(7 * 60, 22 * 60));

        var away = DiaryHours.of(WEEK, List.of(), new WorkingWindows(), List.of(
                away(MONDAY, LocalTime.of(6, 30), LocalTime.of(8, 0)), away(MONDAY.plusDays(2), null, null)));
        assertThat(away).isEqualTo(new DiaryHours(6 * 60, 21 * 60));
    }

    @Test
    void onlyTheDaysShownCount() {
        var lateOnSunday = session(MONDAY.plusDays(6).atTime(21, 30), 50);

        assertThat(DiaryHours.of(List.of(MONDAY), List.of(lateOnSunday), new WorkingWindows(), List.of(
                away(MONDAY.plusDays(1), LocalTime.of(6, 0), LocalTime.of(9, 0)))))
                .isEqualTo(DiaryHours.USUAL);
        assertThat(DiaryHours.of(WEEK, List.of(lateOnSunday), new WorkingWindows(), List.of()).last())
                .isEqualTo(23 * 60);
    }

    @Test
    void aSessionPastMidnightRunsToTheEndOfItsDayAndFromMidnightOnTheNext() {
        LocalDateTime start = MONDAY.plusDays(2).atTime(23, 30);
        var session = session(start, 50);

        assertThat(DiaryHours.onDay(MONDAY.plusDays(2), start, start.plusMinutes(50)))
                .contains(new DiaryHours.Span(23 * 60 + 30, 24 * 60));
        assertThat(DiaryHours.onDay(MONDAY.plusDays(3), start, start.plusMinutes(50)))
                .contains(new DiaryHours.Span(0, 20));
        assertThat(DiaryHours.onDay(MONDAY.plusDays(4), start, start.plusMinutes(50))).isEmpty();
        assertThat(DiaryHours.of(WEEK, List.of(session), new WorkingWindows(), List.of()))
                .isEqualTo(new DiaryHours(0, 24 * 60));
        // each day on its own, as the day view shows it
        assertThat(DiaryHours.of(List.of(MONDAY.plusDays(2)), List.of(session), new WorkingWindows(), List.of()))
                .isEqualTo(new DiaryHours(8 * 60, 24 * 60));
        assertThat(DiaryHours.of(List.of(MONDAY.plusDays(3)), List.of(session), new WorkingWindows(), List.of()))
                .isEqualTo(new DiaryHours(0, 21 * 60));
    }

    @Test
    void aSessionEndingAtMidnightIsNotOnTheNextDay() {
        LocalDateTime start = MONDAY.atTime(23, 10);

        assertThat(DiaryHours.onDay(MONDAY, start, start.plusMinutes(50)))
                .contains(new DiaryHours.Span(23 * 60 + 10, 24 * 60));
        assertThat(DiaryHours.onDay(MONDAY.plusDays(1), start, start.plusMinutes(50))).isEmpty();
        assertThat(DiaryHours.of(List.of(MONDAY.plusDays(1)), List.of(session(start, 50)), new WorkingWindows(),
                List.of())).isEqualTo(DiaryHours.USUAL);
    }

    @Test
    void theHoursNeverPassMidnight() {
        assertThat(DiaryHours.USUAL.including(new DiaryHours.Span(0, 24 * 60))).isEqualTo(new DiaryHours(0, 24 * 60));
        assertThat(DiaryHours.USUAL.including(new DiaryHours.Span(23 * 60 + 59, 24 * 60)))
                .isEqualTo(new DiaryHours(8 * 60, 24 * 60));
        assertThat(DiaryHours.span(LocalTime.of(22, 0), LocalTime.MIDNIGHT)).isEqualTo(new DiaryHours.Span(22 * 60,
                24 * 60));
        assertThat(DiaryHours.time(23 * 60 + 30)).isEqualTo(LocalTime.of(23, 30));
    }

    /** Working hours on every day of the week, Monday to Sunday. */
    private static WorkingWindows working(LocalTime starts, LocalTime ends) {
        var working = new WorkingWindows();
        working.add(WEEK, java.util.Arrays.stream(DayOfWeek.values()).map(day -> new HoursView(day.getValue(), day,
                starts, ends)).toList(), List.<ExceptionView>of(), List.of(), List.of());
        return working;
    }

    private static AwayView away(LocalDate day, LocalTime starts, LocalTime ends) {
        return new AwayView(1, 7, day, day, starts, ends, AwayReason.TRAINING, null);
    }

    private static SessionView session(LocalDateTime start, int minutes) {
        return new SessionView(1, 101, "TH-1", "Ana Morgan", null, null, 7, "Dr Amira Khan", null, null, 1,
                "Individual session", SessionFormat.ONLINE, start.atZone(UK), start.plusMinutes(minutes).atZone(UK),
                AppointmentState.BOOKED, null, false);
    }
}
