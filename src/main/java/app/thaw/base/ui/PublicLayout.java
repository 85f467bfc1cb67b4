package app.thaw.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.springframework.beans.factory.annotation.Value;

/** The calm, single-column frame around every client page, with urgent-help lines always in reach. */

@AnonymousAllowed
public class PublicLayout extends Div implements RouterLayout {

    /** Where the privacy notice is, linked from every client page and the form's consent step. */
    public static final String PRIVACY_NOTICE = "privacy";

    private final Main content = new Main();

    public PublicLayout(@Value("${thaw.practice.name}") String practiceName) {
        addClassName("public-layout");
        var home = new Anchor("", practiceName);
        home.addClassName("public-brand");
        var header = new Header(home);
        header.addClassName("public-header");

        content.addClassName("public-content");
        content.setId("main");

        var urgent = new Paragraph(new Span("Need help now? "),
                new Span("This form is not monitored around the clock. If you are in danger call 999. "
                        + "For urgent mental health help call NHS 111 and choose the mental health option, "
                        + "or call Samaritans free on 116 123, any time."));
        urgent.addClassName("urgent-help");
        var footer = new Footer(urgent, new Anchor(PRIVACY_NOTICE, "Privacy notice"), new Anchor("login", "Staff sign in"));
        footer.addClassName("public-footer");
        add(header, content, footer);
    }

    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement child) {
        content.getElement().removeAllChildren();
        content.getElement().appendChild(child.getElement());
    }
}
