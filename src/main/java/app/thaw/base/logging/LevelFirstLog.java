package app.thaw.base.logging;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.spi.LocationAwareLogger;

/** One Commons Logging log over an SLF4J logger: a message becomes text only when its level is on. */
final class LevelFirstLog implements Log {

    private static final String FQCN = LevelFirstLog.class.getName();

    private final Logger logger;

    LevelFirstLog(Logger logger) {
        this.logger = logger;
    }

    @Override
    public boolean isTraceEnabled() {
        return logger.isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
        return logger.isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return logger.isInfoEnabled();
    }

    @Override
    public boolean isWarnEnabled() {
        return logger.isWarnEnabled();
    }

    @Override
    public boolean isErrorEnabled() {
        return logger.isErrorEnabled();
    }

    @Override
    public boolean isFatalEnabled() {
        return logger.isErrorEnabled();
    }

    @Override
    public void trace(Object message) {
        trace(message, null);
    }

    @Override
    public void trace(Object message, @Nullable Throwable t) {
        if (logger.isTraceEnabled()) {
            write(LocationAwareLogger.TRACE_INT, message, t);
        }
    }

    @Override
    public void debug(Object message) {
        debug(message, null);
    }

    @Override
    public void debug(Object message, @Nullable Throwable t) {
        if (logger.isDebugEnabled()) {
            write(LocationAwareLogger.DEBUG_INT, message, t);
        }
    }

    @Override
    public void info(Object message) {
        info(message, null);
    }

    @Override
    public void info(Object message, @Nullable Throwable t) {
        if (logger.isInfoEnabled()) {
            write(LocationAwareLogger.INFO_INT, message, t);
        }
    }

    @Override
    public void warn(Object message) {
        warn(message, null);
    }

    @Override
    public void warn(Object message, @Nullable Throwable t) {
        if (logger.isWarnEnabled()) {
            write(LocationAwareLogger.WARN_INT, message, t);
        }
    }

    @Override
    public void error(Object message) {
        error(message, null);
    }

    @Override
    public void error(Object message, @Nullable Throwable t) {
        if (logger.isErrorEnabled()) {
            write(LocationAwareLogger.ERROR_INT, message, t);
        }
    }

    @Override
    public void fatal(Object message) {
        error(message, null);
    }

    @Override
    public void fatal(Object message, @Nullable Throwable t) {
        error(message, t);
    }

    private void write(int level, Object message, @Nullable Throwable t) {
        String text = String.valueOf(message);
        if (logger instanceof LocationAwareLogger located) {
            located.log(null, FQCN, level, text, null, t);
            return;
        }
        switch (level) {
            case LocationAwareLogger.TRACE_INT -> logger.trace(text, t);
            case LocationAwareLogger.DEBUG_INT -> logger.debug(text, t);
            case LocationAwareLogger.INFO_INT -> logger.info(text, t);
            case LocationAwareLogger.WARN_INT -> logger.warn(text, t);
            default -> logger.error(text, t);
        }
    }
}
