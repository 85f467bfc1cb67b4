package app.thaw.intake.ui;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

/** "Please check these answers" at the top of a step, announced, each line taking you to its field. */
class ErrorSummary extends Div {

    ErrorSummary() {
        addClassName("error-summary");
        getElement().setAttribute("role", "alert");
        getElement().setAttribute("tabindex", "-1");
        setVisible(false);
    }

    void show(Map<String, String> errors, Function<String, String> labelOf, Consumer<String> focusField) {
        removeAll();
        var list = new UnorderedList();
        errors.forEach((itemId, message) -> {
            var link = new Button(message, click -> focusField.accept(itemId));
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            link.setTooltipText(labelOf.apply(itemId));
            list.add(new ListItem(link));
        });
        add(new H2(errors.size() == 1 ? "Please check this answer" : "Please check these " + errors.size()
                + " answers"), list);
        setVisible(true);
        getElement().callJsFunction("focus");
    }

    void clear() {
        removeAll();
        setVisible(false);
    }
}
