package app.thaw.base.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LevelFirstLogFactoryTest {

    private static final String NAME = "org.springframework.security.authorization.method.LevelFirstProbe";

    private final Logger logback = (Logger) LoggerFactory.getLogger(NAME);
    private final ListAppender<ILoggingEvent> written = new ListAppender<>();

    /** A message like Spring's LogMessage: text only when asked for. */
    private static final class Described {
        final AtomicInteger described = new AtomicInteger();

        @Override
        public String toString() {
            described.incrementAndGet();
            return "Authorizing method invocation";
        }
    }

    @AfterEach
    void detach() {
        logback.detachAppender(written);
        logback.setLevel(null);
    }

    @Test
    void commonsLoggingFindsTheLevelFirstFactoryAndAMessageOffLevelIsNeverMadeText() {
        written.start();
        logback.addAppender(written);
        logback.setLevel(Level.INFO);
        Log log = LogFactory.getLog(NAME);
        assertThat(log).isInstanceOf(LevelFirstLog.class);

        Described message = new Described();
        log.trace(message);
        log.debug(message);
        log.debug(message, new IllegalStateException("kept out too"));
        assertThat(message.described).hasValue(0);
        assertThat(written.list).isEmpty();

        log.info(message);
        log.warn(message, new IllegalStateException("shown"));
        log.fatal(message);
        assertThat(message.described).hasValue(3);
        assertThat(written.list).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.INFO, Level.WARN, Level.ERROR);
        assertThat(written.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsOnly("Authorizing method invocation");
        assertThat(written.list.get(1).getThrowableProxy().getMessage()).isEqualTo("shown");
        assertThat(written.list.getFirst().getLoggerName()).isEqualTo(NAME);
    }

    @Test
    void levelsFollowLogback() {
        Log log = LogFactory.getLog(NAME);
        logback.setLevel(Level.DEBUG);
        assertThat(log.isDebugEnabled()).isTrue();
        assertThat(log.isTraceEnabled()).isFalse();
        logback.setLevel(Level.ERROR);
        assertThat(log.isWarnEnabled()).isFalse();
        assertThat(log.isFatalEnabled()).isTrue();
    }
}
