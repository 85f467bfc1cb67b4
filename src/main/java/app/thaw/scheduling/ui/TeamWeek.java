package app.thaw.scheduling.ui;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.LeaveService;
import app.thaw.scheduling.SessionView;

/**
 * The practice's week for the practice manager: a row per therapist (or per room), a column per day, each cell its
 * sessions in time order with whoever else the row does not say (the room, or the therapist). Sessions that overlap in
 * a row say so; time away and closed days are marked in the cells. A session running past midnight shows on both its
 * days, the second marked with the day it began. Scrolls sideways on a phone, never cut off.
 */
class TeamWeek extends Div {

    /** A row: a therapist or a room, and which sessions and time away belong to it. */
    record Row(String name, Function<SessionView, Boolean> holds, List<LeaveService.AwayView> away) {
    }

    TeamWeek(List<LocalDate> days, List<Row> rows, List<SessionView> sessions, List<LeaveService.ClosedDayView> closed,
             boolean byRoom, LocalDate today, Consumer<SessionView> onSession) {
        addClassName("team-week");
        getStyle().set("--team-days", String.valueOf(days.size()));
        getElement().setAttribute("role", "table");
        var head = new Div(cell("team-week-corner", byRoom ? "Room" : "Therapist"));
        head.addClassName("team-week-row");
        head.getElement().setAttribute("role", "row");
        for (LocalDate day : days) {
            var closedDay = closed.stream().filter(c -> c.day().equals(day) && !c.open()).findFirst();
            var label = cell("team-week-day", DiaryFormat.DAY.format(day)
                    + closedDay.map(c -> " · closed (" + c.name() + ")").orElse(""));
            label.getElement().setAttribute("role", "columnheader");
            if (day.equals(today)) {
                label.addClassName("diary-today");
            }
            closedDay.ifPresent(c -> label.addClassName("team-week-closed"));
            head.add(label);
        }
        add(head);
        for (Row row : rows) {
            var line = new Div();
            line.addClassName("team-week-row");
            line.getElement().setAttribute("role", "row");
            var name = cell("team-week-name", row.name());
            name.getElement().setAttribute("role", "rowheader");
            line.add(name);
            for (LocalDate day : days) {
                line.add(dayCell(day, row, sessions, byRoom, onSession));
            }
            add(line);
        }
    }

    private static Div dayCell(LocalDate day, Row row, List<SessionView> sessions, boolean byRoom,
                               Consumer<SessionView> onSession) {
        var cell = new Div();
        cell.addClassName("team-week-cell");
        cell.getElement().setAttribute("role", "cell");
        for (LeaveService.AwayView away : row.away()) {
            if (!day.isBefore(away.firstDay()) && !day.isAfter(away.lastDay())) {
                var marker = new Span("Away · " + away.reason().label() + (away.starts() == null ? ""
                        : " " + DiaryFormat.TIME.format(away.starts()) + "–" + DiaryFormat.TIME.format(away.ends())));
                marker.addClassName("team-week-away");
                cell.add(marker);
            }
        }
        // as in the diary grid, a session running past midnight is on its first day and again on the next
        List<SessionView> today = new ArrayList<>(sessions.stream()
                .filter(s -> row.holds().apply(s) && DiaryHours.onDay(day, s.start().toLocalDateTime(),
                        s.end().toLocalDateTime()).isPresent())
                .sorted(Comparator.comparing(SessionView::start)).toList());
        for (SessionView session : today) {
            boolean overlaps = session.state() != AppointmentState.CANCELLED && today.stream().anyMatch(other ->
                    other != session && other.state() != AppointmentState.CANCELLED
                            && other.start().isBefore(session.end()) && session.start().isBefore(other.end()));
            boolean continued = session.start().toLocalDate().isBefore(day);
            cell.add(chip(session, byRoom, overlaps, continued, onSession));
        }
        return cell;
    }

    /** {@code continued}: the chip on the day after the session began, its times saying which day that was. */
    private static Div chip(SessionView session, boolean byRoom, boolean overlaps, boolean continued,
                            Consumer<SessionView> onSession) {
        var chip = new Div();
        chip.addClassNames("team-week-session",
                "session-" + session.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        String times = DiaryFormat.TIME.format(session.start()) + "–" + DiaryFormat.TIME.format(session.end());
        if (continued) {
            times += " (from " + session.start().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.UK) + ")";
            chip.addClassName("team-week-continued");
        }
        List<String> parts = new ArrayList<>(List.of(times,
                session.clients(), session.typeLabel(),
                byRoom ? session.therapistName() : DiaryFormat.where(session)));
        if (session.state() != AppointmentState.BOOKED) {
            parts.add(session.state().label());
        }
        if (overlaps) {
            parts.add("Overlaps another session");
            chip.addClassName("team-week-overlap");
        }
        for (String part : parts) {
            chip.add(new Span(part));
        }
        String label = DiaryFormat.DAY.format(session.start()) + ", " + String.join(", ", parts);
        chip.getElement().setAttribute("role", "button");
        chip.getElement().setAttribute("tabindex", "0");
        chip.getElement().setAttribute("aria-label", label);
        chip.getElement().setAttribute("title", label);
        chip.addClickListener(click -> onSession.accept(session));
        PressKeys.open(chip, () -> onSession.accept(session));
        return chip;
    }

    private static Div cell(String className, String text) {
        var cell = new Div(text);
        cell.addClassName(className);
        return cell;
    }
}
