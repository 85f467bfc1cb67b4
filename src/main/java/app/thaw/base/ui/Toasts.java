package app.thaw.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import org.jspecify.annotations.Nullable;

/** Short confirmations and problems, announced to screen readers: the same everywhere in the staff pages. */
public final class Toasts {

    private Toasts() {
    }

    public static void success(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /**
     * A refusal says what must happen first, often in a sentence or two: it stays until the person closes it (WCAG
     * 2.2.1, no time limit on reading), instead of vanishing after a few seconds.
     */
    public static void problem(@Nullable String message) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            // the same refusal twice (a second click) replaces the first instead of stacking up
            Notification earlier = ComponentUtil.getData(ui, Notification.class);
            if (earlier != null) {
                earlier.close();
            }
        }
        var notification = new Notification();
        if (ui != null) {
            ComponentUtil.setData(ui, Notification.class, notification);
            // a closed refusal is not kept for the rest of the session
            notification.addOpenedChangeListener(change -> {
                if (!change.isOpened() && ComponentUtil.getData(ui, Notification.class) == notification) {
                    ComponentUtil.setData(ui, Notification.class, null);
                }
            });
        }
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setPosition(Notification.Position.MIDDLE);
        notification.setDuration(0);
        var text = new Span(message == null ? "" : message);
        text.addClassName("toast-text");
        var close = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> notification.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_CONTRAST);
        close.setAriaLabel("Close this message");
        var content = new HorizontalLayout(text, close);
        content.setAlignItems(FlexComponent.Alignment.START);
        content.setPadding(false);
        notification.add(content);
        notification.open();
    }
}
