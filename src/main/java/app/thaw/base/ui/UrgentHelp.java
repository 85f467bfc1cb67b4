package app.thaw.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * The UK urgent-help lines, the same wherever answers take the risk pathway (the intake, a repeat measure): what the
 * client's answers mean for them and what happens next are the page's own words. Never a diagnosis.
 */
public class UrgentHelp extends Section {

    public UrgentHelp(String whyShown, String whatHappensNext) {
        addClassName("crisis-lines");
        getElement().setAttribute("aria-labelledby", "crisis-heading");
        var heading = new H2("If you need help now");
        heading.setId("crisis-heading");
        add(heading, new Paragraph(whyShown), lines(), new Paragraph(whatHappensNext));
    }

    private static UnorderedList lines() {
        return new UnorderedList(
                line("If you are in immediate danger, or have hurt yourself: call ", "999", "tel:999", "."),
                line("For urgent mental health help: call ", "NHS 111", "tel:111",
                        " and choose the mental health option."),
                line("To talk to someone any time, day or night: call Samaritans free on ", "116 123", "tel:116123",
                        "."),
                line("If you'd rather not talk: text SHOUT to ", "85258", "sms:85258?body=SHOUT", "."),
                line("If you are afraid of a partner or family member: National Domestic Abuse Helpline, free, "
                        + "24 hours, ", "0808 2000 247", "tel:08082000247", "."));
    }

    /** One help line: words, the number as a link a phone dials (or texts), words after. */
    public static ListItem line(String before, String number, String href, String after) {
        var link = new Anchor();
        link.setText(number);
        // tel: and sms: are fixed practice constants, never user input
        link.setUnsafeHref(href);
        link.addClassName("crisis-number");
        return new ListItem(new Span(before), link, new Span(after));
    }
}
