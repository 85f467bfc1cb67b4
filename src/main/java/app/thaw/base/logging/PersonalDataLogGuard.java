package app.thaw.base.logging;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Keeps typed values out of the log whatever level someone sets: the loggers that print bound SQL parameters,
 * extracted column values or request parameters (a username, an email searched for, a case reference, answers)
 * are silenced at every level, and those that list whole entities below INFO are held at INFO. Thaw's own code logs
 * ids, counts and kinds only.
 */
@Component
class PersonalDataLogGuard implements SmartInitializingSingleton {

    /** Loggers whose output is made of the values themselves. */
    static final List<String> VALUE_LOGGERS = List.of("org.hibernate.orm.jdbc.bind", "org.hibernate.orm.jdbc.extract",
            "org.hibernate.type.descriptor", "org.hibernate.SQL_SLOW", "org.apache.tomcat.util.http.Parameters",
            "org.apache.coyote.http11.Http11InputBuffer", "org.springframework.web.filter.CommonsRequestLoggingFilter",
            "org.springframework.security.authentication.dao", "org.springframework.jdbc.core.StatementCreatorUtils",
            "org.postgresql.core.v3.QueryExecutorImpl");

    /** Loggers that print every field of each managed entity at DEBUG (Hibernate's flush: a client's whole record). */
    static final List<String> ENTITY_LOGGERS = List.of("org.hibernate.orm.core");

    @Override
    public void afterSingletonsInstantiated() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
                && logback.getTurboFilterList().stream().noneMatch(Guard.class::isInstance)) {
            logback.addTurboFilter(new Guard());
        }
    }

    static final class Guard extends TurboFilter {

        // asked before every log call and level check (Hibernate checks once per bound value): one look-up per logger
        private final java.util.Map<String, FilterReply> decided = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<String, Boolean> listsEntities = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                  Throwable t) {
            if (level != null && !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
                // below the logger's level logback drops it anyway: most calls are such level checks
                return FilterReply.NEUTRAL;
            }
            FilterReply reply = decided.computeIfAbsent(logger.getName(), Guard::replyFor);
            if (reply == FilterReply.NEUTRAL && level != null && !level.isGreaterOrEqual(Level.INFO)
                    && listsEntities.computeIfAbsent(logger.getName(), Guard::listsEntities)) {
                return FilterReply.DENY;
            }
            return reply;
        }

        private static boolean listsEntities(String name) {
            return ENTITY_LOGGERS.stream().anyMatch(name::startsWith);
        }

        private static FilterReply replyFor(String name) {
            for (String silenced : VALUE_LOGGERS) {
                if (name.startsWith(silenced)) {
                    return FilterReply.DENY;
                }
            }
            return FilterReply.NEUTRAL;
        }
    }
}
