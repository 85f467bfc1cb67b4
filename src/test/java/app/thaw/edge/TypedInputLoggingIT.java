package app.thaw.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import app.thaw.IntegrationTest;
import app.thaw.base.logging.LogCapture;

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
    void aTypedUsernameIsNeverLoggedEvenAtTrace() {
        String typed = "canary" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<String> logged;
        try {
            logged = LogCapture.everythingAtTrace(() -> {
                try {
                    Http.send(port, "POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                            "username=" + typed + "&password=" + typed + "-password");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                assertThatThrownBy(() -> staffAuthentication.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated(typed, "not-it")))
                        .isInstanceOf(BadCredentialsException.class);
            });
        } finally {
            jdbc.update("delete from sign_in_throttle where throttle_key in (?, 'address:unknown', "
                    + "'address:127.0.0.1')", "account:" + typed);
        }

        assertThat(logged).as("something was logged at TRACE").isNotEmpty();
        assertThat(logged).allSatisfy(line -> assertThat(line).doesNotContain(typed));
    }
}
