package app.thaw.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import app.thaw.base.ids.StaffId;
import app.thaw.IntegrationTest;
import app.thaw.base.domain.SecretToken;

/**
 * Issue 12 point 7: the sign-in pause. Ten wrong passwords pause an account; tries during the pause neither count
 * nor lengthen it; the owner and the practice managers are emailed once; a practice manager can lift it; and a
 * browser the owner signed in on before is never paused by someone else's tries.
 */
@IntegrationTest
class SignInThrottleIT {

    @Autowired
    AuthenticationProvider staffAuthentication;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffPasswords passwords;

    @Autowired
    StaffAccountService accounts;

    private StaffFixtures staff;
    private StaffFixtures.Member member;
    private MockHttpServletRequest request;

    @BeforeEach
    void aColleagueAtTheirOwnAddress() {
        staff = new StaffFixtures(administration, passwords, accounts);
        member = staff.member(StaffRole.THERAPIST);
        request = fromAddress("198.51.100." + ThreadLocalRandom.current().nextInt(1, 250));
    }

    @AfterEach
    void forgetTheRequest() {
        RequestContextHolder.resetRequestAttributes();
        jdbc.update("delete from sign_in_throttle where throttle_key like 'address:198.51.100.%'");
    }

    @Test
    void tenWrongPasswordsPauseTheAccountEvenForTheRightOneWithTheSameMessage() {
        assertThat(staffAuthentication.authenticate(attempt(StaffFixtures.PASSWORD)).isAuthenticated()).isTrue();

        failTenTimes();

        assertThatThrownBy(() -> staffAuthentication.authenticate(attempt(StaffFixtures.PASSWORD)))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        assertThat(pausedUntil()).isAfter(Instant.now().plusSeconds(50)).isBefore(Instant.now().plusSeconds(61));
    }

    @Test
    void triesDuringAPauseNeitherCountNorLengthenIt() {
        failTenTimes();
        Instant until = pausedUntil();

        for (int i = 0; i < 30; i++) {
            String wrong = "still-wrong-" + i;
            assertThatThrownBy(() -> staffAuthentication.authenticate(attempt(wrong)))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThat(pausedUntil()).isEqualTo(until);
        assertThat(jdbc.queryForObject("select failures from sign_in_throttle where throttle_key = ?", Integer.class,
                SignInThrottle.accountKey(member.username()))).isZero();
        assertThat(jdbc.queryForObject("select blocks from sign_in_throttle where throttle_key = ?", Integer.class,
                SignInThrottle.accountKey(member.username()))).isOne();
    }

    @Test
    void aPauseEndsByItselfTheRightPasswordWorksAgainAndTheNextPauseIsLonger() {
        failTenTimes();
        endThePause();
        assertThat(staffAuthentication.authenticate(attempt(StaffFixtures.PASSWORD)).isAuthenticated()).isTrue();

        failTenTimes();
        Duration second = Duration.between(Instant.now(), pausedUntil());
        assertThat(second).isBetween(Duration.ofSeconds(110), Duration.ofMinutes(2));
    }

    @Test
    void theOwnerAndEveryPracticeManagerAreEmailedOncePerPause() {
        failTenTimes();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> staffAuthentication.authenticate(attempt("again")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        var recipients = jdbc.queryForList("select recipient from outbox_message where kind = 'SIGN_IN_PAUSED' "
                + "and idempotency_key like ?", String.class, "sign-in-paused/" + member.id() + "/%");
        var managers = jdbc.queryForList("select email from staff_account where role = 'ADMIN' and active",
                String.class);
        assertThat(recipients).hasSize(1 + managers.size()).contains(member.username() + "@example.org")
                .containsAll(managers);
        String ownersEmail = jdbc.queryForObject("select body_text from outbox_message where kind = 'SIGN_IN_PAUSED' "
                + "and recipient = ?", String.class, member.username() + "@example.org");
        assertThat(ownersEmail).contains("paused until").contains("signed in before");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SIGN_IN_PAUSED' "
                + "and actor_id = ?", Integer.class, member.id())).isOne();
    }

    @Test
    void aPracticeManagerLiftsThePauseAndTheLiftIsAudited() {
        failTenTimes();
        var row = staff.as("admin", () -> administration.team()).stream()
                .filter(m -> m.id() == member.id()).findFirst().orElseThrow();
        assertThat(row.isSignInPaused()).isTrue();

        staff.as("admin", () -> administration.liftSignInPause(StaffId.of(member.id())));

        assertThat(staffAuthentication.authenticate(attempt(StaffFixtures.PASSWORD)).isAuthenticated()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SIGN_IN_PAUSE_LIFTED' "
                + "and detail like ?", Integer.class, "%" + member.displayName() + "%")).isOne();
    }

    @Test
    void aBrowserTheOwnerSignedInOnBeforeIsNotPausedBySomeoneElsesTries() {
        String known = SecretToken.generate();
        jdbc.update("insert into sign_in_device (staff_id, token_hash, created_at, last_used_at) "
                + "values (?, ?, now(), now())", member.id(), SecretToken.hash(known));
        failTenTimes();

        request = fromAddress("203.0.113.9");
        request.setCookies(new Cookie(KnownDevices.COOKIE, known));
        assertThat(staffAuthentication.authenticate(attempt(StaffFixtures.PASSWORD)).isAuthenticated()).isTrue();

        // that browser's own wrong tries pause only that browser
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            String wrong = "mine-" + i;
            assertThatThrownBy(() -> staffAuthentication.authenticate(attempt(wrong)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> staffAuthentication.authenticate(attempt(StaffFixtures.PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
        jdbc.update("delete from sign_in_throttle where throttle_key like 'address:203.0.113.9'");
    }

    @Test
    void aPauseOnTheirOwnBrowserIsEmailedToThemAndTheManagersAndAudited() {
        fromTheirOwnBrowser();
        failTenTimes();
        assertThatThrownBy(() -> staffAuthentication.authenticate(attempt("again")))
                .isInstanceOf(BadCredentialsException.class);

        var recipients = jdbc.queryForList("select recipient from outbox_message where kind = 'SIGN_IN_PAUSED' "
                + "and idempotency_key like ?", String.class, "sign-in-paused/" + member.id() + "/%");
        var managers = jdbc.queryForList("select email from staff_account where role = 'ADMIN' and active",
                String.class);
        assertThat(recipients).hasSize(1 + managers.size()).contains(member.username() + "@example.org")
                .containsAll(managers);
        String ownersEmail = jdbc.queryForObject("select body_text from outbox_message where kind = 'SIGN_IN_PAUSED' "
                + "and recipient = ?", String.class, member.username() + "@example.org");
        assertThat(ownersEmail).contains("paused until").contains("where you have signed in before")
                .doesNotContain("you can still sign in as usual");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SIGN_IN_PAUSED' "
                + "and actor_id = ?", Integer.class, member.id())).isOne();
    }

    @Test
    void aPauseOnTheirOwnBrowserShowsOnTheTeamPageAndAPracticeManagerLiftsIt() {
        fromTheirOwnBrowser();
        failTenTimes();
        assertThatThrownBy(() -> staffAuthentication.authenticate(attempt(StaffFixtures.PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
        var row = staff.as("admin", () -> administration.team()).stream()
                .filter(m -> m.id() == member.id()).findFirst().orElseThrow();
        assertThat(row.isSignInPaused()).isTrue();
        assertThat(row.signInPausedUntil()).isAfter(Instant.now().plusSeconds(50));

        staff.as("admin", () -> administration.liftSignInPause(StaffId.of(member.id())));

        assertThat(staffAuthentication.authenticate(attempt(StaffFixtures.PASSWORD)).isAuthenticated()).isTrue();
        var after = staff.as("admin", () -> administration.team()).stream()
                .filter(m -> m.id() == member.id()).findFirst().orElseThrow();
        assertThat(after.isSignInPaused()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SIGN_IN_PAUSE_LIFTED' "
                + "and detail like ?", Integer.class, "%" + member.displayName() + "%")).isOne();
    }

    @Test
    void anUnknownAccountFailsExactlyLikeAWrongPassword() {
        assertThatThrownBy(() -> staffAuthentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("nobody-" + UUID.randomUUID(), "whatever")))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
    }

    @Test
    void thePauseDoublesFromOneMinuteAndStopsAtAnHour() {
        assertThat(SignInThrottle.blockFor(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInThrottle.blockFor(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SignInThrottle.blockFor(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(SignInThrottle.blockFor(7)).isEqualTo(Duration.ofHours(1));
        assertThat(SignInThrottle.blockFor(40)).isEqualTo(Duration.ofHours(1));
    }

    private void fromTheirOwnBrowser() {
        String known = SecretToken.generate();
        jdbc.update("insert into sign_in_device (staff_id, token_hash, created_at, last_used_at) "
                + "values (?, ?, now(), now())", member.id(), SecretToken.hash(known));
        request.setCookies(new Cookie(KnownDevices.COOKIE, known));
    }

    private void failTenTimes() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            String wrong = "wrong-" + i;
            assertThatThrownBy(() -> staffAuthentication.authenticate(attempt(wrong)))
                    .isInstanceOf(BadCredentialsException.class);
        }
    }

    private void endThePause() {
        jdbc.update("update sign_in_throttle set blocked_until = now() - interval '1 second', "
                + "window_started = now() - interval '2 minutes' where throttle_key = ?",
                SignInThrottle.accountKey(member.username()));
    }

    private Instant pausedUntil() {
        return jdbc.queryForObject("select blocked_until from sign_in_throttle where throttle_key = ?",
                java.sql.Timestamp.class, SignInThrottle.accountKey(member.username())).toInstant();
    }

    private UsernamePasswordAuthenticationToken attempt(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(member.username(), password);
    }

    private static MockHttpServletRequest fromAddress(String address) {
        var request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
        return request;
    }
}
