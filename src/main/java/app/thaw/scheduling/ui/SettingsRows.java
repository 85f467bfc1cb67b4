package app.thaw.scheduling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.timepicker.TimePicker;

/** The diary settings' lists of hours: a form that wraps on a phone, its save, and a row with its own Remove button. */
final class SettingsRows {

    private SettingsRows() {
    }

    static FlexLayout form(Component... fields) {
        var form = new FlexLayout(fields);
        form.addClassName("settings-form");
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexLayout.Alignment.BASELINE);
        return form;
    }

    /**
     * Saves what the form says: a refusal (times in the wrong order, overlapping hours) is shown under the end time,
     * where the person would change it; after a save the list is drawn again and the page told.
     */
    static void save(TimePicker ends, Runnable saving, Runnable... afterwards) {
        ends.setInvalid(false);
        try {
            saving.run();
            for (Runnable then : afterwards) {
                then.run();
            }
        } catch (IllegalArgumentException refused) {
            ends.setErrorMessage(refused.getMessage());
            ends.setInvalid(true);
        }
    }

    /** A row saying {@code text}; Remove runs {@code remove}, then {@code afterwards} (redraw, tell the page). */
    static ListItem removable(String text, Runnable remove, Runnable... afterwards) {
        var label = new Span(text);
        var button = new Button("Remove", click -> {
            remove.run();
            for (Runnable then : afterwards) {
                then.run();
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel("Remove " + text);
        return new ListItem(label, button);
    }
}
