package app.thaw.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

import app.thaw.IntegrationTest;

@IntegrationTest
class SignInThrottleIT {

    @Autowired
    AuthenticationProvider staffAuthentication;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcTemplate jdbc;

    private final String username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void forgetTheAttempts() {
        jdbc.update("delete from sign_in_throttle where throttle_key in (?, ?)", SignInThrottle.accountKey(username),
                SignInThrottle.addressKey("unknown"));
    }

    @Test
    void tenWrongPasswordsPauseTheAccountEvenForTheRightOneWithTheSameMessage() {
        jdbc.update("insert into staff_account (username, display_name, email, password_hash, role, created_at) "
                + "values (?, 'Throttle Test', 't@example.org', ?, 'THERAPIST', now())", username,
                passwordEncoder.encode("the-right-password"));
        assertThat(staffAuthentication.authenticate(attempt("the-right-password")).isAuthenticated()).isTrue();

        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            String wrong = "wrong-" + i;
            assertThatThrownBy(() -> staffAuthentication.authenticate(attempt(wrong)))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> staffAuthentication.authenticate(attempt("the-right-password")))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        assertThat(jdbc.queryForObject("select blocked_until > now() from sign_in_throttle where throttle_key = ?",
                Boolean.class, SignInThrottle.accountKey(username))).isTrue();
    }

    @Test
    void anUnknownAccountFailsExactlyLikeAWrongPassword() {
        assertThatThrownBy(() -> staffAuthentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("nobody-" + username, "whatever")))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
    }

    @Test
    void theDelayDoublesFromOneMinuteAndStopsAtAnHour() {
        assertThat(SignInThrottle.blockFor(10)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInThrottle.blockFor(11)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SignInThrottle.blockFor(15)).isEqualTo(Duration.ofMinutes(32));
        assertThat(SignInThrottle.blockFor(40)).isEqualTo(Duration.ofHours(1));
    }

    private UsernamePasswordAuthenticationToken attempt(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }
}
