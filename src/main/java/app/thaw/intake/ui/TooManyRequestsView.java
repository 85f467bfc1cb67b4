package app.thaw.intake.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import app.thaw.base.ui.PublicLayout;

/** The friendly answer to too many forms sent from one address: wait a minute, the saved form is kept. */
@Route(value = "intake/wait", layout = PublicLayout.class)
@PageTitle("Please try again in a minute · Thaw")
@AnonymousAllowed
public class TooManyRequestsView extends Div {

    public TooManyRequestsView() {
        addClassName("too-many-requests");
        add(new H1("Please try again in a minute"),
                new Paragraph("We've had several forms from your connection in a short time, so we've paused for a "
                        + "moment to keep the service safe. Your form and its answers are kept: go back to it in a "
                        + "minute and send it again."),
                new Anchor("intake", "Go back to the form"));
    }
}
