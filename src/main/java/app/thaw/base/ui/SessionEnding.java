package app.thaw.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Fired on a staff page's UI just before its idle session is signed out, while the staff member is still signed in,
 * so work in progress that has a saved form of its own (a session note's draft) is kept rather than lost.
 */
public final class SessionEnding extends ComponentEvent<UI> {

    SessionEnding(UI ui) {
        super(ui, false);
    }

    /** Runs {@code keep} if the session is signed out for idleness while {@code part} is on the page. */
    public static void whileShown(Component part, Runnable keep) {
        Registration[] listening = new Registration[1];
        part.addAttachListener(attach -> listening[0] = ComponentUtil.addListener(attach.getUI(),
                SessionEnding.class, event -> keep.run()));
        part.addDetachListener(detach -> {
            if (listening[0] != null) {
                listening[0].remove();
                listening[0] = null;
            }
        });
    }
}
