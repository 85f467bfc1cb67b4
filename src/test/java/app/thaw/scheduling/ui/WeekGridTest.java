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
