package app.thaw.scheduling.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.SessionView;

/**
 * One session in the diary grid: time, client(s) (both partners for couples work), kind, room or online,
 * state and a marker when the client asked for a change. Each room has its own colour stripe, so room use
 * shows at a glance. Opens with a click or Enter.
 */
class SessionBlock extends Div {

    private final WeekGrid.Placed placed;

    SessionBlock(WeekGrid.Placed placed, boolean showTherapist, Consumer<SessionView> onOpen) {
        this.placed = placed;
        SessionView session = placed.session();
        addClassName("session-block");
        addClassName("session-" + session.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        addClassName(session.format() == SessionFormat.ONLINE ? "session-online" : "session-in-person");
        if (session.partnerIntakeId() != null) {
            addClassName("session-couples");
        }
        if (session.roomId() != null) {
            getStyle().set("--room-hue", String.valueOf(session.roomId() * 67 % 360));
        }
        var lines = new ArrayList<Span>(List.of(
                line("session-time",
                        DiaryFormat.TIME.format(session.start()) + "–" + DiaryFormat.TIME.format(session.end())),
                line("session-clients", session.clients()),
                line("session-type", session.typeLabel()),
                line("session-where", DiaryFormat.where(session))));
        if (showTherapist) {
            lines.add(line("session-therapist", session.therapistName()));
        }
        if (session.state() != AppointmentState.BOOKED) {
            lines.add(line("session-state", session.state().label()));
        }
        if (session.changeRequested()) {
            lines.add(line("session-change-requested", "Change requested"));
        }
        for (Span line : lines) {
            if (getElement().getChildCount() > 0) {
                // unseen in the flex column, but keeps the lines apart as words for assistive technology
                add(new Text(" "));
            }
            add(line);
        }
        getElement().setAttribute("role", "button");
        getElement().setAttribute("tabindex", "0");
        String label = describe(lines);
        getElement().setAttribute("aria-label", label);
        getElement().setAttribute("title", label);
        addClickListener(click -> onOpen.accept(session));
        PressKeys.open(this, () -> onOpen.accept(session));
    }

    SessionView session() {
        return placed.session();
    }

    WeekGrid.Placed placed() {
        return placed;
    }

    /** The day, then the visible lines word for word, so the accessible name contains the label (WCAG 2.5.3). */
    private String describe(List<Span> lines) {
        return DiaryFormat.DAY.format(placed.session().start()) + ", "
                + String.join(", ", lines.stream().map(Span::getText).toList());
    }

    private static Span line(String className, String text) {
        var span = new Span(text);
        span.addClassName(className);
        return span;
    }
}
