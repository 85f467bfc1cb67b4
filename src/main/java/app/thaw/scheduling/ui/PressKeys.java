package app.thaw.scheduling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;

/** A session drawn as a button opens from the keyboard as a button does: Enter or Space, while it has focus. */
final class PressKeys {

    private PressKeys() {
    }

    static void open(Component session, Runnable onOpen) {
        // by code: Space's key is " ", and the shortcut stops the page scrolling as Space would
        Shortcuts.addShortcutListener(session, onOpen::run, Key.of("Enter", "Space")).listenOn(session);
    }
}
