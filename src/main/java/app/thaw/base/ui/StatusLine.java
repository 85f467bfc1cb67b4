package app.thaw.base.ui;

import com.vaadin.flow.component.html.Paragraph;

/** A line that says what just came of someone's action, read out by screen readers when it appears. */
public final class StatusLine {

    private StatusLine() {
    }

    public static Paragraph of(String text, String id, String className) {
        var line = new Paragraph(text);
        line.addClassName(className);
        line.setId(id);
        line.getElement().setAttribute("role", "status");
        return line;
    }
}
