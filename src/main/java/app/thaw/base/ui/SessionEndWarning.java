package app.thaw.base.ui;

import java.time.Clock;
import java.time.Duration;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.WrappedHttpSession;

import app.thaw.base.PracticeTime;

/**
 * The staff page's session timer. Two minutes before a session nobody uses ends, a notice counts down with "Stay
 * signed in"; five minutes before a session reaches its 12-hour lifetime, one says when it ends, once. At the end the
 * screen is covered and the session signed out, so no client's details stay on a screen left open (the server ends
 * such a session on its own too, at its next request: this is the courtesy, not the lock).
 */
@Tag("dialog")
final class SessionEndWarning extends Component {

    static final long IDLE_LEAD_MILLIS = 2 * 60_000;
    static final long LIFETIME_LEAD_MILLIS = 5 * 60_000;

    /**
     * Keystrokes in a long note send nothing to the server until the field is left, so input is passed on as a
     * "still here" at most every 30 seconds: someone writing is never signed out. Tabs share what they hear, so a
     * second staff tab does not warn while the first is in use. The lifetime's notice is not ended by use (nothing
     * extends it) but by its own button, and shown once. Ends on the server's answer, or covers the screen and
     * reloads if the server cannot be reached.
     */
    private static final String TIMER = """
            const dialog = this, idle = $0, idleLead = $1, hardEnd = Date.now() + $2, hardLead = $3, ping = 30000;
            if (dialog.thawIdle) { return; }
            dialog.thawIdle = true;
            const channel = window.BroadcastChannel ? new BroadcastChannel('thaw-idle') : null;
            let heard = Date.now(), ended = false, seen = false;
            const lifetime = () => dialog.classList.contains('lifetime');
            const show = (forLifetime, text) => {
              dialog.classList.toggle('lifetime', forLifetime);
              const which = forLifetime ? 'lifetime-warning' : 'idle-warning';
              dialog.setAttribute('aria-labelledby', which + '-title');
              dialog.setAttribute('aria-describedby', which + '-text');
              dialog.querySelectorAll('.idle-left').forEach(left => left.textContent = text);
              if (!dialog.open && (ended || !(forLifetime && seen))) { dialog.showModal(); }
            };
            const still = () => {
              heard = Date.now();
              dialog.dispatchEvent(new CustomEvent('still-here'));
              if (channel) { channel.postMessage(heard); }
            };
            const input = () => {
              if (ended) { return; }
              if (dialog.open && !lifetime()) { dialog.close(); }
              if (Date.now() - heard >= ping) { still(); }
            };
            dialog.addEventListener('close', () => { if (lifetime() && !ended) { seen = true; } });
            dialog.querySelector('#lifetime-carry-on').addEventListener('click', () => dialog.close());
            const types = ['pointerdown', 'keydown', 'wheel', 'touchstart'];
            types.forEach(type => document.addEventListener(type, input, { capture: true, passive: true }));
            if (channel) {
              channel.onmessage = message => {
                heard = Math.max(heard, message.data);
                if (dialog.open && !ended && !lifetime()) { dialog.close(); }
              };
            }
            const tick = setInterval(() => {
              if (!dialog.isConnected) {
                clearInterval(tick);
                dialog.thawIdle = false;
                types.forEach(type => document.removeEventListener(type, input, { capture: true }));
                if (channel) { channel.close(); }
                return;
              }
              const idleLeft = heard + idle - Date.now(), hardLeft = hardEnd - Date.now();
              const remaining = Math.min(idleLeft, hardLeft), forLifetime = hardLeft <= idleLeft;
              if (remaining <= 0 && !ended) {
                ended = true;
                dialog.classList.add('ended');
                show(forLifetime, 'now');
                // a field being written in sends its text first: what has a draft of its own is kept
                if (document.activeElement && document.activeElement.blur) { document.activeElement.blur(); }
                dialog.dispatchEvent(new CustomEvent('idle-end'));
                setTimeout(() => location.reload(), 15000);
              } else if (remaining > 0 && remaining <= (forLifetime ? hardLead : idleLead)) {
                const seconds = Math.ceil(remaining / 1000);
                show(forLifetime, 'in ' + Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0'));
              }
            }, 1000);""";

    SessionEndWarning(SessionLimits limits, Clock clock) {
        addClassName("idle-warning");
        setId("idle-warning");
        String idle = SessionLimits.inWords(limits.idleTimeout());
        var idleTitle = title("idle-warning-title", "Are you still there?", "idle-only");
        var idleText = text("idle-warning-text", "idle-only", "Nothing has been done on this page for a while, so to "
                + "keep clients' details private you will be signed out ", ". Anything not yet saved will be lost, "
                + "except a session note, kept as a draft. (Sessions end after " + idle + " without activity.)");
        var stay = button("idle-stay", "Stay signed in", "idle-only");
        var lifetimeTitle = title("lifetime-warning-title", "Your session ends soon", "lifetime-only");
        var ends = new Span();
        var lifetimeText = text("lifetime-warning-text", "lifetime-only", "A session lasts at most "
                + SessionLimits.inWords(limits.lifetime()) + ", so you will be signed out at ", ". Save what you are working on (a session note is kept as a draft), "
                + "then sign in again to carry on.");
        lifetimeText.addComponentAtIndex(1, ends);
        lifetimeText.addComponentAtIndex(2, new Span(", "));
        var carryOn = button("lifetime-carry-on", "Carry on", "lifetime-only");
        getElement().setAttribute("aria-labelledby", idleTitle.getId().orElseThrow());
        getElement().setAttribute("aria-describedby", idleText.getId().orElseThrow());
        getElement().appendChild(idleTitle.getElement(), lifetimeTitle.getElement(), idleText.getElement(),
                lifetimeText.getElement(), stay.getElement(), carryOn.getElement());
        // the request is the point: the server counts it as use
        getElement().addEventListener("still-here", event -> { });
        getElement().addEventListener("idle-end", event -> {
            try {
                getUI().ifPresent(ui -> ComponentUtil.fireEvent(ui, new SessionEnding(ui)));
            } finally {
                // a draft that could not be kept must not keep the screen open
                limits.signOutNow(VaadinServletRequest.getCurrent().getHttpServletRequest(),
                        VaadinServletResponse.getCurrent().getHttpServletResponse());
                // the same page again: now signed out, it goes to the sign-in page and back here after it
                getUI().ifPresent(ui -> ui.getPage().reload());
            }
        });
        addAttachListener(attach -> {
            // read from the session, not the request: a page attached outside a request (a push) has none
            Duration left = attach.getSession().getSession() instanceof WrappedHttpSession http
                    ? limits.lifetimeLeft(http.getHttpSession()) : limits.lifetime();
            ends.setText(PracticeTime.TIME.format(clock.instant().plus(left)));
            getElement().executeJs(TIMER, limits.idleTimeout().toMillis(), IDLE_LEAD_MILLIS,
                    Math.max(0, left.toMillis()), LIFETIME_LEAD_MILLIS);
        });
    }

    private static H2 title(String id, String text, String shownFor) {
        var title = new H2(text);
        title.setId(id);
        title.addClassName(shownFor);
        return title;
    }

    /** A sentence around the countdown ("in 1:45", kept up to date by the timer). */
    private static Paragraph text(String id, String shownFor, String before, String after) {
        var left = new Span();
        left.addClassName("idle-left");
        left.getElement().setAttribute("role", "timer");
        var text = new Paragraph(new Span(before), left, new Span(after));
        text.setId(id);
        text.addClassName(shownFor);
        return text;
    }

    private static Button button(String id, String text, String shownFor) {
        var button = new Button(text);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId(id);
        button.addClassName(shownFor);
        return button;
    }
}
