package app.thaw.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import app.thaw.IntegrationTest;

/**
 * Issue 14 point 3: a username typed at sign-in reaches no log at any level. Every logger is turned up to TRACE
 * while a sign-in with a made-up username is posted over HTTP and tried through the provider; nothing logged
 * (message, arguments or stack trace) contains it.
 */
@IntegrationTest
class TypedInputLoggingIT {

    @LocalServerPort
    int port;

    @Autowired
    AuthenticationProvider staffAuthentication;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTypedUsernameIsNeverLoggedEvenAtTrace() throws Exception {
        String typed = "canary" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
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
            Http.send(port, "POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "username=" + typed + "&password=" + typed + "-password");
            assertThatThrownBy(() -> staffAuthentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(typed, "not-it")))
                    .isInstanceOf(BadCredentialsException.class);
        } finally {
            context.getLoggerList().forEach(logger -> logger.setLevel(levels.get(logger.getName())));
            root.detachAppender(captured);
            if (console != null) {
                root.addAppender(console);
            }
            jdbc.update("delete from sign_in_throttle where throttle_key in (?, 'address:unknown', "
                    + "'address:127.0.0.1')", "account:" + typed);
        }

        assertThat(captured.list).as("something was logged at TRACE").isNotEmpty();
        for (ILoggingEvent event : captured.list) {
            String everything = event.getLoggerName() + " " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(everything).as(event.getLoggerName()).doesNotContain(typed);
        }
    }
}
