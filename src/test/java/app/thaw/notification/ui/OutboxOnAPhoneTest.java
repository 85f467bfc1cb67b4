package app.thaw.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.IntakeId;
import app.thaw.notification.ClientEmails;
import app.thaw.notification.OutboxMessage;

/** The outbox on a phone: one column of cards, each email's subject first (six columns ran past the phone's edge). */
@IntegrationTest
class OutboxOnAPhoneTest extends SpringBrowserlessTest {

    @Autowired
    ClientEmails clientEmails;

    @Test
    @WithUserDetails("admin")
    void eachEmailIsACardWithItsSubjectFirst() {
        String email = "card." + UUID.randomUUID() + "@example.org";
        clientEmails.sendPartnerInvitation(IntakeId.of(1), email, "Robin", "https://thaw.example/i/card");
        var view = navigate(OutboxView.class);
        @SuppressWarnings("unchecked")
        Grid<OutboxMessage> grid = find(Grid.class).single();

        view.fitTo(320);
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("Emails");
        int row = 0;
        while (row < 10 && !email.equals(test(grid).getRow(row).recipient())) {
            row++;
        }
        assertThat(test(grid).getCellComponent(row, 0).getElement().getTextRecursively())
                .startsWith("Robin has invited you to Thaw Therapy · Manchester").contains(email);

        view.fitTo(1280);
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("To", "Subject", "Status", "Attempts", "Next try", "Created");
    }
}
