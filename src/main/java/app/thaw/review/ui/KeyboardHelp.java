package app.thaw.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.dom.DomListenerRegistration;

/** The list of keyboard shortcuts, opened with "?" or the help button. */
class KeyboardHelp extends Dialog {

    KeyboardHelp() {
        setHeaderTitle("Keyboard shortcuts");
        var list = new DescriptionList();
        list.addClassName("shortcut-list");
        shortcut(list, "J / ↓", "Next case in the queue");
        shortcut(list, "K / ↑", "Previous case in the queue");
        shortcut(list, "Enter or O", "Open the selected case");
        shortcut(list, "A", "Assign the selected case to me");
        shortcut(list, "/", "Search by name or reference");
        shortcut(list, "Alt + J / Alt + K", "In a case: next / previous case");
        shortcut(list, "Alt + T", "In a case: go to contributing factors");
        shortcut(list, "Alt + A", "In a case: assign to me");
        shortcut(list, "?", "Show this list");
        add(list);
        getFooter().add(new Button("Close", click -> close()));
    }

    /**
     * "?" anywhere in {@code view}'s page opens the list, except while typing: a shortcut would swallow the question
     * mark in a note. Listens on the UI (as a shortcut does) while the view is attached, so it works wherever focus is.
     */
    static void openOnQuestionMark(Component view) {
        view.addAttachListener(attach -> {
            DomListenerRegistration key = attach.getUI().getElement()
                    .addEventListener("keydown", event -> new KeyboardHelp().open())
                    .setFilter("event.key === '?' && !event.ctrlKey && !event.altKey && !event.metaKey"
                            + " && !event.composedPath().some(n => n.localName === 'input'"
                            + " || n.localName === 'textarea' || n.isContentEditable)");
            view.addDetachListener(detach -> {
                key.remove();
                detach.unregisterListener();
            });
        });
    }

    private static void shortcut(DescriptionList list, String keys, String what) {
        list.add(new DescriptionList.Term(keys), new DescriptionList.Description(what));
    }
}
