package app.thaw.base.ui;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import app.thaw.base.logging.Failures;

/**
 * The one error handler of every page: nobody sees an exception's text. When the database is briefly out of reach
 * (a restart, a failover), whatever a client or staff member was doing fails without losing what is on their screen:
 * they get a calm message and try again, and the app carries on by itself once the database is back. Nothing was
 * saved, so a retry saves it once. Any other failure is logged under a correlation id (kinds and places, no messages;
 * see {@link Failures}) and the person gets a calm message with that id to quote. A browser that went away is left to
 * Vaadin, which ignores it. Requests outside Vaadin get the same from {@code app.thaw.base.web.CalmErrorPages}.
 */
@Component
class CalmErrorHandler implements VaadinServiceInitListener {

    static final String MESSAGE = "We couldn't save just now — your answers are still here. "
            + "Please try again in a moment.";

    private static final Logger log = LoggerFactory.getLogger(CalmErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new Calm()));
    }

    /** Whether a failure means the database could not be reached, rather than a fault in the work itself. */
    static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException || cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01")
                    || sql.getSQLState().equals("57P03"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The browser closed the connection mid-response: nothing went wrong that the person could see. */
    static boolean isBrowserGone(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String kind = cause.getClass().getSimpleName();
            if (kind.equals("ClientAbortException") || kind.equals("EofException")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static final class Calm implements ErrorHandler {

        private final ErrorHandler fallback = new DefaultErrorHandler();
        private Instant lastShown = Instant.EPOCH;

        @Override
        public void error(ErrorEvent event) {
            if (isBrowserGone(event.getThrowable())) {
                fallback.error(event);
                return;
            }
            if (!isDatabaseUnavailable(event.getThrowable())) {
                String id = Failures.record(event.getThrowable(), "a page");
                show(Failures.calmMessage(id), NotificationVariant.LUMO_ERROR, "unexpected-error");
                return;
            }
            // the cause's kind only: the message may hold SQL or values
            log.warn("Database unavailable; the user was asked to try again ({})",
                    event.getThrowable().getClass().getSimpleName());
            UI ui = UI.getCurrent();
            if (ui == null || VaadinSession.getCurrent() == null) {
                return;
            }
            Instant now = Instant.now();
            if (Duration.between(lastShown, now).compareTo(Duration.ofSeconds(3)) < 0) {
                return;
            }
            lastShown = now;
            show(MESSAGE, NotificationVariant.LUMO_WARNING, "database-trouble");
        }

        private static void show(String message, NotificationVariant variant, String className) {
            if (UI.getCurrent() == null || VaadinSession.getCurrent() == null) {
                return;
            }
            var notification = new Notification(message, 8000, Notification.Position.MIDDLE);
            notification.addThemeVariants(variant);
            notification.addClassName(className);
            notification.getElement().setAttribute("role", "alert");
            notification.open();
        }
    }
}
