package app.thaw.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A grid row as a phone shows it (see {@link PhoneColumns}): what it is in bold, then the rest on a line under it. */
public final class PhoneCard {

    private PhoneCard() {
    }

    public static Div of(String heading, String line) {
        var what = new Span(heading);
        what.addClassName("phone-card-heading");
        var rest = new Div(line);
        rest.addClassName("queue-card-line");
        var card = new Div(what, rest);
        card.addClassName("queue-card");
        return card;
    }
}
