package app.thaw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.transaction.CannotCreateTransactionException;

import app.thaw.IntegrationTest;
import app.thaw.base.logging.LogCapture;
import app.thaw.intake.ui.IntakeWizardView;

/**
 * Issue 14 point 7, what a client sees: when the database is away, the page they are on stays as it was (their
 * answers in the fields) and a calm message asks them to try again; other failures are left to Vaadin.
 */
@IntegrationTest
@WithAnonymousUser
class CalmErrorHandlerTest extends SpringBrowserlessTest {

    @Test
    void theClientKeepsTheirAnswersAndIsToldCalmlyToTryAgain() {
        navigate(IntakeWizardView.class);
        var name = find(TextField.class).withCaption("Your full name").single();
        test(name).setValue("Robin Waiting");

        new CalmErrorHandler.Calm().error(new ErrorEvent(new CannotCreateTransactionException(
                "Could not open JPA EntityManager", new SQLException("Connection refused", "08001"))));

        var shown = find(Notification.class).all();
        assertThat(shown).hasSize(1);
        assertThat(shown.getFirst().getElement().getProperty("text")).isEqualTo(CalmErrorHandler.MESSAGE);
        assertThat(find(TextField.class).withCaption("Your full name").single().getValue()).isEqualTo("Robin Waiting");
        assertThat(VaadinSession.getCurrent().getErrorHandler()).isInstanceOf(CalmErrorHandler.Calm.class);
    }

    @Test
    void onlyAnUnreachableDatabaseCountsAsTrouble() {
        assertThat(CalmErrorHandler.isDatabaseUnavailable(new DataAccessResourceFailureException("down")))
                .isTrue();
        assertThat(CalmErrorHandler.isDatabaseUnavailable(new RuntimeException("wrapped",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(CalmErrorHandler.isDatabaseUnavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(CalmErrorHandler.isDatabaseUnavailable(new SQLException("unique violation", "23505")))
                .isFalse();
    }

    @Test
    void anyOtherFailureIsACalmMessageWithACorrelationIdAndItsTextGoesNowhere() {
        navigate(IntakeWizardView.class);
        var log = LogCapture.of(app.thaw.base.logging.Failures.class);
        try {
            new CalmErrorHandler.Calm().error(new ErrorEvent(new IllegalStateException("Robin's answer: I can't cry",
                    new RuntimeException("select * from intake where full_name = 'Robin Waiting'"))));

            var shown = find(Notification.class).all();
            assertThat(shown).hasSize(1);
            String text = shown.getFirst().getElement().getProperty("text");
            assertThat(text).startsWith("Something went wrong on our side.").doesNotContain("Robin", "select");
            String id = text.replaceAll(".*this code: ([A-Z0-9]{8})\\.$", "$1");
            assertThat(id).hasSize(8);
            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
                    .contains(id, "IllegalStateException", "RuntimeException").doesNotContain("Robin", "select"));
        } finally {
            log.stop();
        }
    }
}
