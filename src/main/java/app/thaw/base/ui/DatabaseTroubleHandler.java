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

/**
 * When the database is briefly out of reach (a restart, a failover), whatever a client or staff member was doing
 * fails without losing what is on their screen: they get a calm message and try again, and the app carries on by
 * itself once the database is back. Nothing was saved, so a retry saves it once. Other errors go to Vaadin's
 * default handling.
 */
@Component
class DatabaseTroubleHandler implements VaadinServiceInitListener {

    static final String MESSAGE = "We couldn't save just now — your answers are still here. "
            + "Please try again in a moment.";

    private static final Logger log = LoggerFactory.getLogger(DatabaseTroubleHandler.class);

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

    static final class Calm implements ErrorHandler {

        private final ErrorHandler fallback = new DefaultErrorHandler();
        private Instant lastShown = Instant.EPOCH;

        @Override
        public void error(ErrorEvent event) {
            if (!isDatabaseUnavailable(event.getThrowable())) {
                fallback.error(event);
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
            var notification = new Notification(MESSAGE, 8000, Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
            notification.addClassName("database-trouble");
            notification.getElement().setAttribute("role", "alert");
            notification.open();
        }
    }
}
