package app.thaw.scheduling.ui;

import java.util.Objects;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import org.jspecify.annotations.Nullable;

import app.thaw.caseaccess.GateRefusal;

/** What a clinical safety gate says must happen before a booking, with the link to where to do it. */
class GateNotice extends Div {

    private final Paragraph text = new Paragraph();
    private final Anchor link = new Anchor();

    GateNotice() {
        addClassName("gate-notice");
        getElement().setAttribute("role", "alert");
        link.addClassName("gate-link");
        add(text, link);
        setVisible(false);
    }

    void show(@Nullable GateRefusal refusal) {
        setVisible(refusal != null);
        text.setText(refusal == null ? "" : refusal.message());
        boolean linked = refusal != null && refusal.link() != null;
        link.setVisible(linked);
        if (linked && refusal != null) {
            link.setHref(refusal.link());
            link.setText(Objects.requireNonNullElse(refusal.linkLabel(), "Open"));
        }
    }

    String message() {
        return isVisible() ? Objects.requireNonNullElse(text.getText(), "") : "";
    }
}
