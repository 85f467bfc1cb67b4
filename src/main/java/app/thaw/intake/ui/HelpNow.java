package app.thaw.intake.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** "Need help now?" with the UK lines as tap-to-call links, at the top of a client's page. */
final class HelpNow {

    private HelpNow() {
    }

    static Div bar() {
        var bar = new Div(new Span("Need help now? "), call("999", "tel:999", "Call 999 in an emergency"),
                new Span(" · "), call("NHS 111", "tel:111", "Call NHS 111, then choose the mental health option"),
                new Span(" · Samaritans "), call("116 123", "tel:116123", "Call Samaritans free on 116 123"),
                new Span(" · text SHOUT to "), call("85258", "sms:85258?body=SHOUT", "Text SHOUT to 85258"));
        bar.addClassName("help-now");
        bar.getElement().setAttribute("role", "region");
        bar.getElement().setAttribute("aria-label", "Help now");
        return bar;
    }

    private static Anchor call(String text, String href, String label) {
        var link = new Anchor();
        link.setText(text);
        // tel: and sms: are fixed constants, never user input
        link.setUnsafeHref(href);
        link.getElement().setAttribute("aria-label", label);
        link.addClassName("help-now-link");
        return link;
    }
}
