package app.thaw.scheduling.ui;

import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
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

    private final SessionView session;

    SessionBlock(SessionView session, boolean showTherapist, Consumer<SessionView> onOpen) {
        this.session = session;
        addClassName("session-block");
        addClassName("session-" + session.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        addClassName(session.format() == SessionFormat.ONLINE ? "session-online" : "session-in-person");
        if (session.partnerIntakeId() != null) {
            addClassName("session-couples");
        }
        if (session.roomId() != null) {
            getStyle().set("--room-hue", String.valueOf(session.roomId() * 67 % 360));
        }
        add(line("session-time", DiaryFormat.TIME.format(session.start()) + "–" + DiaryFormat.TIME.format(session.end())),
                line("session-clients", session.clients()),
                line("session-type", session.typeLabel()),
                line("session-where", DiaryFormat.where(session)));
        if (showTherapist) {
            add(line("session-therapist", session.therapistName()));
        }
        if (session.state() != AppointmentState.BOOKED) {
            add(line("session-state", session.state().label()));
        }
        if (session.changeRequested()) {
            add(line("session-change-requested", "Change requested"));
        }
        getElement().setAttribute("role", "button");
        getElement().setAttribute("tabindex", "0");
        getElement().setAttribute("aria-label", describe(showTherapist));
        getElement().setAttribute("title", describe(showTherapist));
        addClickListener(click -> onOpen.accept(session));
        Shortcuts.addShortcutListener(this, () -> onOpen.accept(session), Key.ENTER).listenOn(this);
    }

    SessionView session() {
        return session;
    }

    private String describe(boolean showTherapist) {
        return String.join(", ", session.clients(), session.typeLabel(), DiaryFormat.when(session),
                DiaryFormat.where(session))
                + (showTherapist ? ", with " + session.therapistName() : "")
                + (session.state() == AppointmentState.BOOKED ? "" : ", " + session.state().label())
                + (session.changeRequested() ? ", the client asked for a change" : "");
    }

    private static Span line(String className, String text) {
        var span = new Span(text);
        span.addClassName(className);
        return span;
    }
}
