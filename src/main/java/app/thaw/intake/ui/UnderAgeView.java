package app.thaw.intake.ui;

import static app.thaw.base.ui.UrgentHelp.line;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import app.thaw.base.ui.PublicLayout;

/**
 * Where someone younger than 18 is sent: kindly told this service is for adults, pointed to services for young
 * people, and told that nothing they typed was kept. The page holds nothing about them.
 */
@Route(value = "intake/young-people", layout = PublicLayout.class)
@PageTitle("Support for people under 18 · Thaw")
@AnonymousAllowed
public class UnderAgeView extends Div {

    public UnderAgeView() {
        addClassName("under-age-view");
        add(new H1("We can't accept your form, but you can get support"),
                new Paragraph("Our service is for adults aged 18 and over, so we can't accept a form from you. "
                        + "We haven't kept anything you typed: your name, contact details and answers have been "
                        + "deleted, and your saved-form link no longer works."),
                new Paragraph("What you're going through matters, and these services are there for people your age:"),
                services(),
                new H2("If you need help now"),
                new UnorderedList(
                        line("If you are in danger or have hurt yourself, call ", "999", "tel:999", "."),
                        line("To talk to someone any time, call Samaritans free on ", "116 123", "tel:116123", "."),
                        line("If you'd rather not talk, text SHOUT to ", "85258", "sms:85258?body=SHOUT", ".")),
                new Paragraph(new Span("If you typed your date of birth by mistake, you can "),
                        new Anchor("intake", "start the form again"), new Span(".")));
    }

    private static UnorderedList services() {
        var childline = line("Childline: free and confidential, any time. Call ", "0800 1111", "tel:08001111",
                " or chat online at ");
        var childlineSite = new Anchor("https://www.childline.org.uk", "childline.org.uk");
        childline.add(childlineSite, new Span("."));
        var kooth = new ListItem(new Span("Kooth: free, safe and anonymous online support and counselling for young "
                + "people, at "), new Anchor("https://www.kooth.com", "kooth.com"), new Span("."));
        var gp = new ListItem("Your GP: you can ask for an appointment to talk about how you're feeling, and you "
                + "can ask to see them on your own.");
        var list = new UnorderedList(childline, kooth, gp);
        list.addClassName("young-people-services");
        return list;
    }
}
