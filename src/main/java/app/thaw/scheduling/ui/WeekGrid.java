package app.thaw.scheduling.ui;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.html.Div;

import app.thaw.scheduling.LeaveService;
import app.thaw.scheduling.SessionView;

/**
 * The diary as a CSS grid: a column per day, 30-minute slots from 08:00 to 21:00 UK time (drawn on
 * 5-minute grid rows so sessions sit at their exact minutes), working hours shaded, sessions as blocks.
 * Sessions at the same time (the whole practice's diary) sit side by side.
 */
class WeekGrid extends Div {

    static final LocalTime FIRST = LocalTime.of(8, 0);
    static final LocalTime LAST = LocalTime.of(21, 0);
    static final int SLOT_MINUTES = 30;
    private static final int ROW_MINUTES = 5;
    private static final int ROWS = (int) Duration.between(FIRST, LAST).toMinutes() / ROW_MINUTES;

    /** A session and where its block sits: the column, its times and its lane among the sessions it overlaps. */
    record Placed(SessionView session, int column, LocalTime from, LocalTime to, int lane, int lanes) {

        Placed withLanes(int count) {
            return new Placed(session, column, from, to, lane, count);
        }
    }

    /** Time away (drawn for one therapist's diary) and the practice's closed days, over the working hours. */
    record Marks(List<LeaveService.AwayView> away, List<LeaveService.ClosedDayView> closed) {

        static final Marks NONE = new Marks(List.of(), List.of());
    }

    WeekGrid(List<LocalDate> days, List<SessionView> sessions, WorkingWindows working, LocalDateTime now,
             boolean showTherapist, Consumer<LocalDateTime> onSlot, Consumer<SessionView> onSession) {
        this(days, sessions, working, Marks.NONE, now, showTherapist, onSlot, onSession);
    }

    private final List<LocalDate> days;
    private final boolean showTherapist;
    private final Consumer<SessionView> onSession;
    /** Each day's last slot: the day's session blocks follow it, so they are read and tabbed through day by day. */
    private final List<Div> lastSlots = new ArrayList<>();

    WeekGrid(List<LocalDate> days, List<SessionView> sessions, WorkingWindows working, Marks marks, LocalDateTime now,
             boolean showTherapist, Consumer<LocalDateTime> onSlot, Consumer<SessionView> onSession) {
        this.days = List.copyOf(days);
        this.showTherapist = showTherapist;
        this.onSession = onSession;
        addClassName("diary-grid");
        getStyle().set("--diary-days", String.valueOf(days.size()));
        getStyle().set("--diary-rows", String.valueOf(ROWS));
        var corner = new Div();
        corner.addClassName("diary-corner");
        add(corner);
        for (LocalTime time = FIRST; time.isBefore(LAST); time = time.plusMinutes(SLOT_MINUTES)) {
            var label = new Div(DiaryFormat.TIME.format(time));
            label.addClassName("diary-time");
            place(label, 1, time, time.plusMinutes(SLOT_MINUTES));
            add(label);
        }
        for (int d = 0; d < days.size(); d++) {
            LocalDate day = days.get(d);
            int column = d + 2;
            var closedDay = marks.closed().stream().filter(c -> c.day().equals(day) && !c.open()).findFirst();
            var head = new Div(DiaryFormat.DAY.format(day) + closedDay.map(c -> " · closed").orElse(""));
            head.addClassName("diary-day-head");
            closedDay.ifPresent(c -> {
                head.addClassName("diary-day-closed");
                head.getElement().setAttribute("title", "The practice is closed: " + c.name());
                var band = new Div(c.name());
                band.addClassName("diary-closed");
                place(band, column, FIRST, LAST);
                add(band);
            });
            head.getStyle().set("grid-column", String.valueOf(column));
            if (day.equals(now.toLocalDate())) {
                head.addClassName("diary-today");
            }
            add(head);
            for (WorkingWindows.Window window : working.on(day)) {
                var band = new Div();
                band.addClassName("diary-working");
                band.getElement().setAttribute("data-working",
                        DiaryFormat.TIME.format(window.starts()) + "–" + DiaryFormat.TIME.format(window.ends()));
                place(band, column, window.starts(), window.ends());
                add(band);
            }
            for (LeaveService.AwayView away : marks.away()) {
                if (!day.isBefore(away.firstDay()) && !day.isAfter(away.lastDay())) {
                    var band = new Div("Away · " + away.reason().label());
                    band.addClassName("diary-away");
                    band.getElement().setAttribute("title", away.describe());
                    place(band, column, away.starts() == null ? FIRST : away.starts(),
                            away.ends() == null ? LAST : away.ends());
                    add(band);
                }
            }
            Div slot = null;
            for (LocalTime time = FIRST; time.isBefore(LAST); time = time.plusMinutes(SLOT_MINUTES)) {
                slot = slot(day.atTime(time), column, now, onSlot);
                add(slot);
            }
            lastSlots.add(slot);
            sessionsOn(day, sessions, column);
        }
    }

    /**
     * Shows these sessions in place of the ones drawn, leaving the days, hours, time away and slots as they are, and
     * every block whose session and place are unchanged: after a booking, a move or a cancellation the browser
     * receives only the blocks that differ, however full the week.
     */
    void showSessions(List<SessionView> sessions) {
        for (int d = 0; d < days.size(); d++) {
            int after = indexOf(lastSlots.get(d)) + 1;
            List<SessionBlock> drawn = new ArrayList<>();
            for (int i = after; i < getElement().getChildCount()
                    && getElement().getChild(i).getComponent().orElse(null) instanceof SessionBlock block; i++) {
                drawn.add(block);
            }
            List<Placed> wanted = placed(days.get(d), sessions, d + 2);
            List<SessionBlock> kept = keptInOrder(drawn, wanted);
            drawn.stream().filter(block -> !kept.contains(block)).forEach(this::remove);
            for (int i = 0; i < wanted.size(); i++) {
                Placed place = wanted.get(i);
                if (!kept.isEmpty() && kept.getFirst().placed().equals(place)) {
                    kept.removeFirst();
                } else {
                    addComponentAtIndex(after + i, block(place));
                }
            }
        }
    }

    /** The drawn blocks that stay: those wanted again, in the same order (a block is never moved, only kept). */
    private static List<SessionBlock> keptInOrder(List<SessionBlock> drawn, List<Placed> wanted) {
        List<SessionBlock> kept = new ArrayList<>();
        int from = 0;
        for (SessionBlock block : drawn) {
            int at = wanted.subList(from, wanted.size()).indexOf(block.placed());
            if (at >= 0) {
                kept.add(block);
                from += at + 1;
            }
        }
        return kept;
    }

    private void sessionsOn(LocalDate day, List<SessionView> sessions, int column) {
        placed(day, sessions, column).forEach(place -> add(block(place)));
    }

    private Div slot(LocalDateTime start, int column, LocalDateTime now, Consumer<LocalDateTime> onSlot) {
        var slot = new Div();
        slot.addClassName("diary-slot");
        slot.getElement().setAttribute("data-slot", start.toString());
        place(slot, column, start.toLocalTime(), start.toLocalTime().plusMinutes(SLOT_MINUTES));
        if (start.isBefore(now)) {
            slot.addClassName("diary-slot-past");
        } else {
            slot.getElement().setAttribute("title", "Book " + DiaryFormat.DAY_TIME.format(start));
            slot.addClickListener(click -> onSlot.accept(start));
        }
        return slot;
    }

    /** Where one day's sessions go, in time order; overlapping sessions share the column in lanes. */
    private static List<Placed> placed(LocalDate day, List<SessionView> sessions, int column) {
        List<SessionView> today = sessions.stream().filter(s -> s.start().toLocalDate().equals(day))
                .sorted(Comparator.comparing(SessionView::start)).toList();
        List<Placed> placed = new ArrayList<>();
        int clusterStart = 0;
        List<LocalDateTime> laneEnds = new ArrayList<>();
        LocalDateTime clusterEnd = null;
        for (int i = 0; i < today.size(); i++) {
            SessionView session = today.get(i);
            LocalDateTime start = session.start().toLocalDateTime();
            if (clusterEnd != null && !start.isBefore(clusterEnd)) {
                finish(placed, clusterStart, i, laneEnds.size());
                clusterStart = i;
                laneEnds.clear();
                clusterEnd = null;
            }
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane).isAfter(start)) {
                lane++;
            }
            LocalDateTime end = session.end().toLocalDateTime();
            if (lane == laneEnds.size()) {
                laneEnds.add(end);
            } else {
                laneEnds.set(lane, end);
            }
            clusterEnd = clusterEnd == null || end.isAfter(clusterEnd) ? end : clusterEnd;
            LocalTime to = end.toLocalDate().isAfter(day) ? LAST : end.toLocalTime();
            placed.add(new Placed(session, column, start.toLocalTime(), to, lane, 1));
        }
        finish(placed, clusterStart, today.size(), laneEnds.size());
        return placed;
    }

    /** Every session of a cluster of overlapping ones shares the column by the cluster's number of lanes. */
    private static void finish(List<Placed> placed, int from, int to, int lanes) {
        for (int i = from; i < to; i++) {
            placed.set(i, placed.get(i).withLanes(Math.max(1, lanes)));
        }
    }

    private SessionBlock block(Placed place) {
        var block = new SessionBlock(place, showTherapist, onSession);
        block.getStyle().set("--lane", String.valueOf(place.lane()));
        block.getStyle().set("--lanes", String.valueOf(place.lanes()));
        place(block, place.column(), place.from(), place.to());
        return block;
    }

    /** Grid rows are 5 minutes; row 1 is the day heading. Times outside 08:00–21:00 are kept at the edge. */
    private static void place(Div item, int column, LocalTime from, LocalTime to) {
        int first = Math.min(line(from, false), ROWS + 1);
        int last = Math.max(line(to, true), first + 1);
        item.getStyle().set("grid-column", String.valueOf(column));
        item.getStyle().set("grid-row", first + " / " + last);
    }

    /** The grid line at a time: 2 is 08:00, {@code ROWS + 2} is 21:00. */
    private static int line(LocalTime time, boolean roundUp) {
        long minutes = Duration.between(FIRST, time).toMinutes();
        long rows = roundUp ? Math.ceilDiv(minutes, ROW_MINUTES) : Math.floorDiv(minutes, ROW_MINUTES);
        return 2 + (int) Math.clamp(rows, 0, ROWS);
    }
}
