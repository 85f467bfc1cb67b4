package app.thaw.base.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonalDataLogGuardTest {

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> written = new ListAppender<>();

    @BeforeEach
    void guarded() {
        context.addTurboFilter(new PersonalDataLogGuard.Guard());
        written.setContext(context);
        written.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(written);
    }

    @Test
    void aValueLoggerSetToTraceStillWritesNothing() {
        for (String name : PersonalDataLogGuard.VALUE_LOGGERS) {
            Logger values = context.getLogger(name + ".Child");
            context.getLogger(name).setLevel(Level.TRACE);
            assertThat(values.isTraceEnabled()).as(name).isFalse();
            values.trace("binding parameter (1:VARCHAR) <- [{}]", "jane@example.org");
            values.error("value {}", "jane@example.org");
        }
        assertThat(written.list).isEmpty();
    }

    @Test
    void aLoggerListingEntitiesWritesItsWarningsButNeverItsDebugOutput() {
        for (String name : PersonalDataLogGuard.ENTITY_LOGGERS) {
            Logger entities = context.getLogger(name);
            entities.setLevel(Level.TRACE);
            assertThat(entities.isDebugEnabled()).as(name).isFalse();
            entities.debug("app.thaw.intake.domain.Intake{fullName=Jane Doe, email=jane@example.org}");
            entities.trace("Jane Doe");
            entities.warn("HHH000000: a warning about the mapping");
        }
        assertThat(written.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsOnly("HHH000000: a warning about the mapping");
    }

    @Test
    void otherLoggersKeepTheirLevels() {
        Logger ours = context.getLogger("app.thaw.scheduling.SchedulingService");
        Logger framework = context.getLogger("org.springframework.jdbc.core.JdbcTemplate");
        framework.setLevel(Level.DEBUG);

        assertThat(ours.isDebugEnabled()).isFalse();
        assertThat(ours.isInfoEnabled()).isTrue();
        assertThat(framework.isDebugEnabled()).isTrue();
        assertThat(framework.isTraceEnabled()).isFalse();
        ours.debug("not written");
        ours.info("sessions booked: {}", 3);
        framework.debug("Executing prepared SQL statement");
        framework.trace("not written either");

        assertThat(written.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("sessions booked: 3", "Executing prepared SQL statement");
    }
}
