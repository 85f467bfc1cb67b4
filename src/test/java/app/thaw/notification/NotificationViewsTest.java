package app.thaw.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.notification.ui.CalendarFeedView;
import app.thaw.notification.ui.OutboxView;

@IntegrationTest
class NotificationViewsTest extends SpringBrowserlessTest {

    @Autowired
    ClientEmails clientEmails;

    @Autowired
    CalendarFeeds feeds;

    @Test
    @WithUserDetails("admin")
    void theAdminListsTheOutboxAndReadsAMessage() {
        String email = "view." + UUID.randomUUID() + "@example.org";
        clientEmails.sendPartnerInvitation(app.thaw.base.ids.IntakeId.of(1), email, "Robin", "https://thaw.example/i/view");

        navigate(OutboxView.class);

        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Outbox");
        @SuppressWarnings("unchecked")
        Grid<OutboxMessage> grid = find(Grid.class).single();
        assertThat(test(grid).size()).isPositive();
        // newest first, so it is near the top
        int row = 0;
        while (row < 10 && !email.equals(test(grid).getRow(row).recipient())) {
            row++;
        }
        // the subject cell wraps (a Lit cell, read whole in EveryScreenBrowserIT): the row carries its words
        assertThat(test(grid).getRow(row).subject()).isEqualTo("Robin has invited you to Thaw Therapy · Manchester");
        test(grid).select(row);
        assertThat(find(Pre.class).single().getText()).contains("https://thaw.example/i/view");
    }

    @Test
    @WithUserDetails("amira")
    void aTherapistMakesAndTurnsOffTheirFeedLinkButCannotOpenTheOutbox() {
        feeds.turnOff();
        navigate(CalendarFeedView.class);

        test(find(Button.class).withText("Make a link").single()).click();

        TextField link = find(TextField.class).single();
        assertThat(link.isVisible()).isTrue();
        assertThat(link.getValue()).contains("/calendar/").endsWith(".ics");
        assertThat(feeds.linkCreatedAt()).isPresent();
        test(find(Button.class).withText("Turn off link").single()).click();
        assertThat(feeds.linkCreatedAt()).isEmpty();
        assertThat(link.isVisible()).isFalse();

        com.vaadin.flow.component.UI.getCurrent().navigate(OutboxView.class);
        assertThat(getCurrentView()).isNotInstanceOf(OutboxView.class);
    }
}
