package app.thaw.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.SessionView;

/** The diary's redraw after a change keeps every block whose session and place did not change (ADR 22). */
class WeekGridTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final LocalDate MONDAY = LocalDate.of(2031, 3, 3);
    private final List<SessionView> opened = new ArrayList<>();

    @Test
    void aBookingAddsOneBlockAndTheUntouchedSessionsKeepTheirs() {
        var morning = session(1, "Ana Morgan", MONDAY.plusDays(1).atTime(10, 0));
        var afternoon = session(2, "Ben Shah", MONDAY.plusDays(1).atTime(14, 0));
        var friday = session(3, "Cai Lloyd", MONDAY.plusDays(4).atTime(9, 0));
        var grid = grid(List.of(morning, afternoon, friday));
        List<SessionBlock> before = blocks(grid);

        var booked = session(4, "Dee Patel", MONDAY.plusDays(1).atTime(12, 0));
        grid.showSessions(List.of(morning, booked, afternoon, friday));

        List<SessionBlock> after = blocks(grid);
        assertThat(after).extracting(b -> b.session().id()).containsExactly(1L, 4L, 2L, 3L);
        assertThat(after.get(0)).isSameAs(before.get(0));
        assertThat(after.get(2)).isSameAs(before.get(1));
        assertThat(after.get(3)).isSameAs(before.get(2));
        assertThat(after.get(1).getStyle().get("grid-column")).isEqualTo("3");
        assertThat(after.get(1).getStyle().get("grid-row")).isEqualTo((2 + 48) + " / " + (2 + 58));
    }

    @Test
    void anOverlapRedrawsBothSessionsInLanesAndACancellationGivesTheColumnBack() {
        var first = session(1, "Ana Morgan", MONDAY.atTime(10, 0));
        var other = session(2, "Ben Shah", MONDAY.plusDays(2).atTime(10, 0));
        var grid = grid(List.of(first, other));
        SessionBlock untouched = blocks(grid).get(1);

        var overlapping = session(3, "Cai Lloyd", MONDAY.atTime(10, 30));
        grid.showSessions(List.of(first, overlapping, other));
        assertThat(blocks(grid)).extracting(b -> b.getStyle().get("--lane") + "/" + b.getStyle().get("--lanes"))
                .containsExactly("0/2", "1/2", "0/1");
        assertThat(blocks(grid).get(2)).isSameAs(untouched);

        grid.showSessions(List.of(first, other));
        assertThat(blocks(grid)).extracting(b -> b.session().id()).containsExactly(1L, 2L);
        assertThat(blocks(grid).getFirst().getStyle().get("--lanes")).isEqualTo("1");
        assertThat(blocks(grid).get(1)).isSameAs(untouched);
    }

    @Test
    void aMovedSessionLeavesItsDayAndAppearsAfterTheOtherDaysLastSlot() {
        var moving = session(1, "Ana Morgan", MONDAY.atTime(10, 0));
        var staying = session(2, "Ben Shah", MONDAY.plusDays(3).atTime(11, 0));
        var grid = grid(List.of(moving, staying));
        SessionBlock kept = blocks(grid).get(1);

        var moved = session(1, "Ana Morgan", MONDAY.plusDays(3).atTime(9, 0));
        grid.showSessions(List.of(moved, staying));

        List<SessionBlock> after = blocks(grid);
        assertThat(after).extracting(b -> b.session().start().toLocalDateTime())
                .containsExactly(MONDAY.plusDays(3).atTime(9, 0), MONDAY.plusDays(3).atTime(11, 0));
        assertThat(after.get(1)).isSameAs(kept);
        // each day's blocks follow that day's last slot, so reading and tab order stay day by day
        var children = grid.getChildren().toList();
        int thursdayLastSlot = children.indexOf(children.stream().filter(c -> c.getElement().getAttribute(
                "data-slot") != null && c.getElement().getAttribute("data-slot").equals(
                MONDAY.plusDays(3).atTime(20, 30).toString())).findFirst().orElseThrow());
        assertThat(children.subList(thursdayLastSlot + 1, thursdayLastSlot + 3)).containsExactlyElementsOf(after);

        test(after.getFirst());
        assertThat(opened).containsExactly(moved);
    }

    @Test
    void aLateAndAnEarlySessionAreDrawnWholeAndTheHoursFollowThem() {
        var late = session(1, "Ana Morgan", MONDAY.atTime(21, 30));
        var early = session(2, "Ben Shah", MONDAY.plusDays(1).atTime(7, 0));
        var grid = grid(List.of(late, early));

        // 07:00 to 23:00 on 5-minute rows: 21:30 is 174 rows down, 07:00 the first
        assertThat(grid.getStyle().get("--diary-rows")).isEqualTo(String.valueOf(16 * 12));
        assertThat(blocks(grid)).extracting(b -> b.getStyle().get("grid-row"))
                .containsExactly((2 + 174) + " / " + (2 + 184), 2 + " / " + (2 + 10));
        assertThat(labels(grid)).startsWith("07:00", "07:30").endsWith("22:00", "22:30");
        assertThat(grid.getChildren().filter(c -> MONDAY.atTime(22, 30).toString().equals(
                c.getElement().getAttribute("data-slot"))).count()).as("a slot to book at 22:30").isOne();
    }

    @Test
    void aSessionPastMidnightIsDrawnToTheEndOfItsDayAndFromMidnightOnTheNext() {
        var night = session(1, "Ana Morgan", MONDAY.plusDays(2).atTime(23, 30));
        var grid = grid(List.of(night));

        assertThat(labels(grid)).startsWith("00:00").endsWith("23:30").hasSize(48);
        List<SessionBlock> blocks = blocks(grid);
        assertThat(blocks).extracting(b -> b.getStyle().get("grid-column") + " " + b.getStyle().get("grid-row"))
                .containsExactly("4 " + (2 + 282) + " / " + (2 + 288), "5 2 / " + (2 + 4));
        assertThat(blocks).allSatisfy(b -> assertThat(b.session()).isEqualTo(night));
    }

    @Test
    void sessionsNeedingOtherHoursAreLeftToTheDiaryToDrawAnew() {
        var morning = session(1, "Ana Morgan", MONDAY.atTime(10, 0));
        var grid = grid(List.of(morning));

        assertThat(grid.showSessions(List.of(morning, session(2, "Ben Shah", MONDAY.atTime(14, 0))))).isTrue();
        assertThat(grid.showSessions(List.of(morning, session(3, "Cai Lloyd", MONDAY.atTime(21, 30))))).isFalse();
        assertThat(blocks(grid)).extracting(b -> b.session().id()).containsExactly(1L, 2L);

        var late = grid(List.of(session(3, "Cai Lloyd", MONDAY.atTime(21, 30))));
        assertThat(late.showSessions(List.of())).as("the last late session cancelled").isFalse();
    }

    private static List<String> labels(WeekGrid grid) {
        return grid.getChildren().filter(c -> c.getClassNames().contains("diary-time"))
                .map(c -> c.getElement().getText()).toList();
    }

    private WeekGrid grid(List<SessionView> sessions) {
        List<LocalDate> days = MONDAY.datesUntil(MONDAY.plusDays(7)).toList();
        return new WeekGrid(days, sessions, new WorkingWindows(), MONDAY.minusDays(1).atStartOfDay(), false,
                start -> { }, opened::add);
    }

    private static List<SessionBlock> blocks(WeekGrid grid) {
        return grid.getChildren().filter(SessionBlock.class::isInstance).map(SessionBlock.class::cast).toList();
    }

    private static void test(SessionBlock block) {
        com.vaadin.flow.component.ComponentUtil.fireEvent(block,
                new com.vaadin.flow.component.ClickEvent<>(block));
    }

    private static SessionView session(long id, String client, LocalDateTime start) {
        return new SessionView(id, 100 + id, "TH-" + id, client, null, null, 7, "Dr Amira Khan", null, null, 1,
                "Individual session", SessionFormat.ONLINE, start.atZone(UK), start.plusMinutes(50).atZone(UK),
                AppointmentState.BOOKED, null, false);
    }
}
