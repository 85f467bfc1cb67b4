package app.thaw.base.ui;

import com.vaadin.flow.component.html.Paragraph;

/** A problem with the whole form (not one field), shown at its top and read out when it appears; hidden when none. */
public class FormProblem extends Paragraph {

    public FormProblem() {
        addClassName("submit-problem");
        getElement().setAttribute("role", "alert");
        setVisible(false);
    }

    public void show(String message) {
        setText(message);
        setVisible(true);
    }

    public void clear() {
        setText("");
        setVisible(false);
    }
}
