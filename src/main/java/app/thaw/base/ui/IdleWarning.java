package app.thaw.base.ui;

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

/**
 * The staff page's idle timer. Two minutes before a session nobody uses ends, a notice counts down with "Stay signed
 * in"; at the end the screen is covered and the session signed out, so no client's details stay on a screen left
 * open (the server ends such a session on its own too, at its next request: this is the courtesy, not the lock).
 */
@Tag("dialog")
final class IdleWarning extends Component {

    static final long WARNING_MILLIS = 2 * 60_000;

    /**
     * Keystrokes in a long note send nothing to the server until the field is left, so input is passed on as a
     * "still here" at most every 30 seconds: someone writing is never signed out. Tabs share what they hear, so a
     * second staff tab does not warn while the first is in use. Ends on the server's answer, or covers the screen
     * and reloads if the server cannot be reached.
     */
    private static final String TIMER = """
            const dialog = this, idle = $0, lead = $1, left = $2, ping = 30000;
            if (dialog.thawIdle) { return; }
            dialog.thawIdle = true;
            const channel = window.BroadcastChannel ? new BroadcastChannel('thaw-idle') : null;
            let heard = Date.now(), ended = false;
            const still = () => {
              heard = Date.now();
              dialog.dispatchEvent(new CustomEvent('still-here'));
              if (channel) { channel.postMessage(heard); }
            };
            const input = () => {
              if (ended) { return; }
              if (dialog.open) { dialog.close(); }
              if (Date.now() - heard >= ping) { still(); }
            };
            const types = ['pointerdown', 'keydown', 'wheel', 'touchstart'];
            types.forEach(type => document.addEventListener(type, input, { capture: true, passive: true }));
            if (channel) {
              channel.onmessage = message => {
                heard = Math.max(heard, message.data);
                if (dialog.open && !ended) { dialog.close(); }
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
              const remaining = heard + idle - Date.now();
              if (remaining <= 0 && !ended) {
                ended = true;
                dialog.classList.add('ended');
                left.textContent = 'now';
                if (!dialog.open) { dialog.showModal(); }
                // a field being written in sends its text first: what has a draft of its own is kept
                if (document.activeElement && document.activeElement.blur) { document.activeElement.blur(); }
                dialog.dispatchEvent(new CustomEvent('idle-end'));
                setTimeout(() => location.reload(), 15000);
              } else if (remaining > 0 && remaining <= lead) {
                const seconds = Math.ceil(remaining / 1000);
                left.textContent = 'in ' + Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
                if (!dialog.open) { dialog.showModal(); }
              }
            }, 1000);""";

    IdleWarning(IdleSignOut idle) {
        addClassName("idle-warning");
        setId("idle-warning");
        var title = new H2("Are you still there?");
        title.setId("idle-warning-title");
        var left = new Span();
        left.addClassName("idle-left");
        left.getElement().setAttribute("role", "timer");
        long minutes = idle.idleTimeout().toMinutes();
        var text = new Paragraph(new Span("Nothing has been done on this page for a while, so to keep clients' "
                + "details private you will be signed out "), left, new Span(". Anything not yet saved will be "
                + "lost, except a session note, kept as a draft. (Sessions end after " + minutes
                + " minutes without activity.)"));
        text.setId("idle-warning-text");
        var stay = new Button("Stay signed in");
        stay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        stay.setId("idle-stay");
        getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());
        getElement().setAttribute("aria-describedby", text.getId().orElseThrow());
        getElement().appendChild(title.getElement(), text.getElement(), stay.getElement());
        // the request is the point: the server counts it as use
        getElement().addEventListener("still-here", event -> { });
        getElement().addEventListener("idle-end", event -> {
            try {
                getUI().ifPresent(ui -> ComponentUtil.fireEvent(ui, new SigningOutIdle(ui)));
            } finally {
                // a draft that could not be kept must not keep the screen open
                idle.signOutIdle(VaadinServletRequest.getCurrent().getHttpServletRequest(),
                        VaadinServletResponse.getCurrent().getHttpServletResponse());
                // the same page again: now signed out, it goes to the sign-in page and back here after it
                getUI().ifPresent(ui -> ui.getPage().reload());
            }
        });
        addAttachListener(attach -> getElement().executeJs(TIMER, idle.idleTimeout().toMillis(), WARNING_MILLIS,
                left.getElement()));
    }
}
