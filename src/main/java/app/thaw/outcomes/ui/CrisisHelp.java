package app.thaw.outcomes.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/** The intake's UK urgent-help lines, shown at once when a repeat measure's answers take the risk pathway. */
class CrisisHelp extends Section {

    CrisisHelp() {
        addClassName("crisis-lines");
        getElement().setAttribute("aria-labelledby", "crisis-heading");
        var heading = new H2("If you need help now");
        heading.setId("crisis-heading");
        add(heading,
                new Paragraph("Some of your answers tell us things are very hard at the moment. These questions are "
                        + "not monitored around the clock, so please don't wait for us if you need help now:"),
                new UnorderedList(
                        line("If you are in immediate danger, or have hurt yourself: call ", "999", "tel:999", "."),
                        line("For urgent mental health help: call ", "NHS 111", "tel:111",
                                " and choose the mental health option."),
                        line("To talk to someone any time, day or night: call Samaritans free on ", "116 123",
                                "tel:116123", "."),
                        line("If you'd rather not talk: text SHOUT to ", "85258", "sms:85258?body=SHOUT", "."),
                        line("If you are afraid of a partner or family member: National Domestic Abuse Helpline, "
                                + "free, 24 hours, ", "0808 2000 247", "tel:08082000247", ".")),
                new Paragraph("We have told your therapist, who will contact you as soon as the practice is open. "
                        + "Your partner is never told about your answers."));
    }

    private static ListItem line(String before, String number, String href, String after) {
        var link = new Anchor();
        link.setText(number);
        // tel: and sms: are fixed practice constants, never user input
        link.setUnsafeHref(href);
        link.addClassName("crisis-number");
        return new ListItem(new Span(before), link, new Span(after));
    }
}
