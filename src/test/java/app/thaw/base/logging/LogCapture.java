package app.thaw.base.logging;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** What one logger wrote during a test, as the formatted lines (throwables included, as a log file would). */
public final class LogCapture {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Class<?> type) {
        this.logger = (Logger) LoggerFactory.getLogger(type);
        appender.start();
        logger.addAppender(appender);
    }

    public static LogCapture of(Class<?> type) {
        return new LogCapture(type);
    }

    public List<String> lines() {
        return appender.list.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage())).toList();
    }

    public void stop() {
        logger.detachAppender(appender);
        appender.stop();
    }

    /**
     * Everything any logger writes while the work runs with every logger turned up to TRACE (the console left out):
     * each line with its logger's name and stack trace, as a log file would hold it. Levels are restored after.
     */
    public static List<String> everythingAtTrace(Runnable work) {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var levels = new java.util.HashMap<String, Level>();
        context.getLoggerList().forEach(logger -> levels.put(logger.getName(), logger.getLevel()));
        var captured = new ListAppender<ILoggingEvent>();
        captured.start();
        var console = root.getAppender("CONSOLE");
        root.addAppender(captured);
        if (console != null) {
            root.detachAppender(console);
        }
        try {
            context.getLoggerList().forEach(logger -> logger.setLevel(logger == root ? Level.TRACE : null));
            work.run();
        } finally {
            context.getLoggerList().forEach(logger -> logger.setLevel(levels.get(logger.getName())));
            root.detachAppender(captured);
            if (console != null) {
                root.addAppender(console);
            }
        }
        return captured.list.stream().map(event -> event.getLoggerName() + " " + event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .toList();
    }
}
