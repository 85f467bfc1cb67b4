package app.thaw.notification.ui;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.PracticeTime;
import app.thaw.base.ui.MainLayout;
import app.thaw.notification.CalendarFeeds;
import app.thaw.security.Roles;

/** Where a therapist makes, replaces or turns off the private link their calendar app subscribes to. */
@Route(value = "staff/calendar-feed", layout = MainLayout.class)
@PageTitle("Calendar feed · Thaw")
@Menu(order = 80, title = "Calendar feed", icon = "vaadin:calendar")
@RolesAllowed(Roles.THERAPIST)
public class CalendarFeedView extends VerticalLayout {

    private static final DateTimeFormatter DAY = PracticeTime.LONG_DATE_TIME;

    private final CalendarFeeds feeds;
    private final Paragraph state = new Paragraph();
    private final TextField link = new TextField("Your private link (shown only now)");
    private final Button create = new Button();
    private final Button turnOff = new Button("Turn off link");

    public CalendarFeedView(CalendarFeeds feeds) {
        this.feeds = feeds;
        link.setReadOnly(true);
        link.setWidthFull();
        link.setVisible(false);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> {
            link.setValue(feeds.address(feeds.createLink()));
            link.setVisible(true);
            update();
        });
        turnOff.addClickListener(click -> {
            feeds.turnOff();
            link.clear();
            link.setVisible(false);
            update();
        });
        add(new H2("Calendar feed"),
                new Paragraph("Subscribe to your private link in your calendar app (Google Calendar, Outlook, Apple "
                        + "Calendar) to see your sessions there. Clients appear by their initials only."),
                new Paragraph("Anyone who has the link can see your diary, so keep it to yourself. If it may have "
                        + "leaked, make a new link: the old one stops working at once."),
                state, link, new HorizontalLayout(create, turnOff));
        update();
    }

    private void update() {
        var since = feeds.linkCreatedAt();
        state.setText(since.map(at -> "Your link is active; it was made on " + DAY.format(at) + ".")
                .orElse("You have no calendar link."));
        create.setText(since.isPresent() ? "Make a new link" : "Make a link");
        turnOff.setEnabled(since.isPresent());
    }
}
