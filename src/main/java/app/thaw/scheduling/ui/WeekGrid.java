package app.thaw.scheduling.ui;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.html.Div;

import app.thaw.scheduling.LeaveService;
import app.thaw.scheduling.SessionView;

/**
 * The diary as a CSS grid: a column per day, 30-minute slots from 08:00 to 21:00 UK time, or wider when the days hold
 * anything earlier or later ({@link DiaryHours}), drawn on 5-minute grid rows so sessions sit at their exact minutes;
 * working hours shaded, sessions as blocks. Sessions at the same time (the whole practice's diary) sit side by side.
 */
class WeekGrid extends Div {

    static final int SLOT_MINUTES = 30;
    private static final int ROW_MINUTES = 5;

    /**
     * A session and where its block sits: the column, its minutes into that day (to 1440 when it runs past midnight,
     * from 0 on the day it runs into) and its lane among the sessions it overlaps.
     */
    record Placed(SessionView session, int column, int from, int to, int lane, int lanes) {

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
    private final WorkingWindows working;
    private final List<LeaveService.AwayView> away;
    /** The hours drawn; a change of sessions that needs others is drawn anew by the diary. */
    private final DiaryHours hours;
    private final int rows;
    private final boolean showTherapist;
    private final Consumer<SessionView> onSession;
    /** Each day's last slot: the day's session blocks follow it, so they are read and tabbed through day by day. */
    private final List<Div> lastSlots = new ArrayList<>();

    WeekGrid(List<LocalDate> days, List<SessionView> sessions, WorkingWindows working, Marks marks, LocalDateTime now,
             boolean showTherapist, Consumer<LocalDateTime> onSlot, Consumer<SessionView> onSession) {
        this.days = List.copyOf(days);
        this.working = working;
        this.away = List.copyOf(marks.away());
        this.hours = DiaryHours.of(days, sessions, working, away);
        this.rows = (hours.last() - hours.first()) / ROW_MINUTES;
        this.showTherapist = showTherapist;
        this.onSession = onSession;
        addClassName("diary-grid");
        getStyle().set("--diary-days", String.valueOf(days.size()));
        getStyle().set("--diary-rows", String.valueOf(rows));
        var corner = new Div();
        corner.addClassName("diary-corner");
        add(corner);
        for (int minute = hours.first(); minute < hours.last(); minute += SLOT_MINUTES) {
            var label = new Div(DiaryFormat.TIME.format(DiaryHours.time(minute)));
            label.addClassName("diary-time");
            place(label, 1, minute, minute + SLOT_MINUTES);
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
                place(band, column, hours.first(), hours.last());
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
                DiaryHours.Span span = DiaryHours.span(window.starts(), window.ends());
                place(band, column, span.from(), span.to());
                add(band);
            }
            for (LeaveService.AwayView time : away) {
                if (!day.isBefore(time.firstDay()) && !day.isAfter(time.lastDay())) {
                    var band = new Div("Away · " + time.reason().label());
                    band.addClassName("diary-away");
                    band.getElement().setAttribute("title", time.describe());
                    DiaryHours.Span span = time.starts() == null || time.ends() == null
                            ? new DiaryHours.Span(hours.first(), hours.last())
                            : DiaryHours.span(time.starts(), time.ends());
                    place(band, column, span.from(), span.to());
                    add(band);
                }
            }
            Div slot = null;
            for (int minute = hours.first(); minute < hours.last(); minute += SLOT_MINUTES) {
                slot = slot(day.atStartOfDay().plusMinutes(minute), column, now, onSlot);
                add(slot);
            }
            lastSlots.add(slot);
            sessionsOn(day, sessions, column);
        }
    }

    /**
     * Shows these sessions in place of the ones drawn, leaving the days, hours, time away and slots as they are, and
     * every block whose session and place are unchanged: after a booking, a move or a cancellation the browser
     * receives only the blocks that differ, however full the week. Returns false, drawing nothing, when the sessions
     * need other hours (a session booked at 21:30, or the last late one cancelled): the diary then draws the grid anew.
     */
    boolean showSessions(List<SessionView> sessions) {
        if (!DiaryHours.of(days, sessions, working, away).equals(hours)) {
            return false;
        }
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
        return true;
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
        int minute = DiaryHours.minutes(start.toLocalTime());
        place(slot, column, minute, minute + SLOT_MINUTES);
        if (start.isBefore(now)) {
            slot.addClassName("diary-slot-past");
        } else {
            slot.getElement().setAttribute("title", "Book " + DiaryFormat.DAY_TIME.format(start));
            slot.addClickListener(click -> onSlot.accept(start));
        }
        return slot;
    }

    /**
     * Where one day's sessions go, in time order; overlapping sessions share the column in lanes. A session running
     * past midnight goes to the end of its first day and from 00:00 on the next.
     */
    private static List<Placed> placed(LocalDate day, List<SessionView> sessions, int column) {
        record Part(SessionView session, DiaryHours.Span span) {
        }
        List<Part> today = sessions.stream().flatMap(s -> DiaryHours.onDay(day, s.start().toLocalDateTime(),
                        s.end().toLocalDateTime()).map(span -> new Part(s, span)).stream())
                .sorted(Comparator.comparingInt((Part p) -> p.span().from())
                        .thenComparing(p -> p.session().start())).toList();
        List<Placed> placed = new ArrayList<>();
        int clusterStart = 0;
        List<Integer> laneEnds = new ArrayList<>();
        int clusterEnd = -1;
        for (int i = 0; i < today.size(); i++) {
            Part part = today.get(i);
            int start = part.span().from();
            if (clusterEnd >= 0 && start >= clusterEnd) {
                finish(placed, clusterStart, i, laneEnds.size());
                clusterStart = i;
                laneEnds.clear();
                clusterEnd = -1;
            }
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane) > start) {
                lane++;
            }
            int end = part.span().to();
            if (lane == laneEnds.size()) {
                laneEnds.add(end);
            } else {
                laneEnds.set(lane, end);
            }
            clusterEnd = Math.max(clusterEnd, end);
            placed.add(new Placed(part.session(), column, start, end, lane, 1));
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

    /** Grid rows are 5 minutes; row 1 is the day heading. Times outside the hours drawn are kept at the edge. */
    private void place(Div item, int column, int from, int to) {
        int first = Math.min(line(from, false), rows + 1);
        int last = Math.max(line(to, true), first + 1);
        item.getStyle().set("grid-column", String.valueOf(column));
        item.getStyle().set("grid-row", first + " / " + last);
    }

    /** The grid line at a minute of the day: 2 is the first hour drawn, {@code rows + 2} the end of the last. */
    private int line(int minute, boolean roundUp) {
        int minutes = minute - hours.first();
        int row = roundUp ? Math.ceilDiv(minutes, ROW_MINUTES) : Math.floorDiv(minutes, ROW_MINUTES);
        return 2 + Math.clamp(row, 0, rows);
    }
}
