package app.thaw.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;

import app.thaw.base.ids.StaffId;
import app.thaw.IntegrationTest;
import app.thaw.security.LinkCheck.State;

@IntegrationTest
class StaffAdministrationIT {

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffPasswords passwords;

    @Autowired
    StaffAccountService accounts;

    @Autowired
    AuthenticationProvider staffAuthentication;

    @Autowired
    JdbcTemplate jdbc;

    StaffFixtures staff;

    @BeforeEach
    void fixtures() {
        staff = new StaffFixtures(administration, passwords, accounts);
    }

    @Autowired
    app.thaw.base.web.PublicUrl publicUrl;

    @Test
    void anInviteeChoosesAPasswordWithTheEmailedLinkAndSignsIn() {
        String username = "inv" + System.nanoTime() % 1_000_000;
        IssuedLink link = staff.as("admin", () -> administration.invite(new NewStaffMember(" Robin Hale ",
                username.toUpperCase(), "robin." + username + "@example.org", StaffRole.THERAPIST)));

        assertThat(link.url()).startsWith(publicUrl.base() + "/welcome/");
        String token = StaffFixtures.token(link);
        assertThat(jdbc.queryForObject("select count(*) from staff_password_link where token_hash = ?", Integer.class,
                app.thaw.base.domain.SecretToken.hash(token))).isOne();
        assertThat(jdbc.queryForObject("select count(*) from staff_password_link where token_hash = ?", Integer.class,
                token)).isZero();
        String body = jdbc.queryForObject("select body_text from outbox_message where recipient = ? and kind = "
                + "'STAFF_INVITATION'", String.class, "robin." + username + "@example.org");
        assertThat(body).contains(link.url()).contains("Dear Robin Hale");
        assertThat(signIn(username, StaffFixtures.PASSWORD)).isFalse();

        LinkCheck check = passwords.check(token);
        assertThat(check.state()).isEqualTo(State.VALID);
        assertThat(check.username()).isEqualTo(username);
        assertThatThrownBy(() -> passwords.chooseWithLink(token, "password2026!", "password2026!"))
                .isInstanceOf(StaffInputProblem.class).hasMessageContaining("common");
        assertThatThrownBy(() -> passwords.chooseWithLink(token, StaffFixtures.PASSWORD, "something else"))
                .isInstanceOf(StaffInputProblem.class).hasMessageContaining("different");
        passwords.chooseWithLink(token, StaffFixtures.PASSWORD, StaffFixtures.PASSWORD);

        assertThat(signIn(username, StaffFixtures.PASSWORD)).isTrue();
        assertThat(passwords.check(token).state()).isEqualTo(State.USED);
        assertThatThrownBy(() -> passwords.chooseWithLink(token, "another calm passphrase", "another calm passphrase"))
                .isInstanceOf(StaffActionRefused.class).hasMessageContaining("already been used");
        assertThat(signIn(username, "another calm passphrase")).isFalse();
        assertThat(auditDetails("STAFF_INVITED")).anyMatch(d -> d.contains("Robin Hale (" + username + ")"));
        assertThat(auditDetails("PASSWORD_CHOSEN")).isNotEmpty();
    }

    @Test
    void anExpiredLinkIsRefusedAndANewOneWorksWhileTheOldStaysDead() {
        String username = "exp" + System.nanoTime() % 1_000_000;
        IssuedLink first = staff.as("admin", () -> administration.invite(new NewStaffMember("Sam Expiry", username,
                username + "@example.org", StaffRole.THERAPIST)));
        jdbc.update("update staff_password_link set created_at = now() - interval '73 hours', "
                + "expires_at = now() - interval '1 hour' where token_hash = ?",
                app.thaw.base.domain.SecretToken.hash(StaffFixtures.token(first)));

        assertThat(passwords.check(StaffFixtures.token(first)).state()).isEqualTo(State.EXPIRED);
        assertThatThrownBy(() -> passwords.chooseWithLink(StaffFixtures.token(first), StaffFixtures.PASSWORD,
                StaffFixtures.PASSWORD)).isInstanceOf(StaffActionRefused.class).hasMessageContaining("expired");
        long id = idOf(username);
        assertThat(staff.as("admin", () -> administration.team()).stream().filter(m -> m.id() == id).findFirst()
                .orElseThrow().linkExpiresAt()).isNull();

        IssuedLink renewed = staff.as("admin", () -> administration.renewLink(StaffId.of(id)));
        assertThat(passwords.check(StaffFixtures.token(first)).state()).isEqualTo(State.REPLACED);
        passwords.chooseWithLink(StaffFixtures.token(renewed), StaffFixtures.PASSWORD, StaffFixtures.PASSWORD);
        assertThat(signIn(username, StaffFixtures.PASSWORD)).isTrue();
    }

    @Test
    void forgedAndMangledLinksGetTheSameCalmRefusal() {
        assertThat(passwords.check(app.thaw.base.domain.SecretToken.generate()).state()).isEqualTo(State.UNKNOWN);
        assertThat(passwords.check("short").state()).isEqualTo(State.UNKNOWN);
        assertThat(passwords.check("' or 1=1 --").state()).isEqualTo(State.UNKNOWN);
        assertThatThrownBy(() -> passwords.chooseWithLink("x".repeat(43), StaffFixtures.PASSWORD,
                StaffFixtures.PASSWORD)).isInstanceOf(StaffActionRefused.class).hasMessageContaining("doesn't work");
    }

    @Test
    void aResetStopsTheOldPasswordAtOnceAndTheLinkSetsANewOne() {
        var member = staff.member(StaffRole.THERAPIST);
        IssuedLink reset = staff.as("admin", () -> administration.resetPassword(StaffId.of(member.id())));

        assertThat(reset.url()).contains("/reset-password/");
        assertThat(signIn(member.username(), StaffFixtures.PASSWORD)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ? and kind = "
                + "'PASSWORD_RESET'", Integer.class, member.username() + "@example.org")).isOne();
        passwords.chooseWithLink(StaffFixtures.token(reset), "a brand new calm phrase", "a brand new calm phrase");
        assertThat(signIn(member.username(), "a brand new calm phrase")).isTrue();
        assertThat(auditDetails("STAFF_PASSWORD_RESET")).anyMatch(d -> d.contains(member.username()));
    }

    @Test
    void deactivationStopsSignInAndReactivationRestoresIt() {
        var member = staff.member(StaffRole.THERAPIST);
        staff.as("admin", () -> administration.deactivate(StaffId.of(member.id())));
        assertThat(signIn(member.username(), StaffFixtures.PASSWORD)).isFalse();

        staff.as("admin", () -> administration.reactivate(StaffId.of(member.id())));
        assertThat(signIn(member.username(), StaffFixtures.PASSWORD)).isTrue();
        assertThat(auditDetails("STAFF_DEACTIVATED")).anyMatch(d -> d.contains(member.username()));
        assertThat(auditDetails("STAFF_REACTIVATED")).anyMatch(d -> d.contains(member.username()));
    }

    @Test
    void anAdminCannotChangeTheirOwnRoleAndTherapistsCannotAdministerAtAll() {
        long adminId = idOf("admin");
        assertThatThrownBy(() -> staff.as("admin", () -> administration.changeRole(StaffId.of(adminId),
                StaffRole.THERAPIST)))
                .isInstanceOf(StaffActionRefused.class).hasMessageContaining("your own role");
        assertThatThrownBy(() -> staff.as("amira", () -> administration.team()))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveExactlyOneAdmin() throws Exception {
        race((actor, target) -> administration.changeRole(StaffId.ofNullable(target), StaffRole.THERAPIST));
    }

    @Test
    void twoAdminsDeactivatingEachOtherAtOnceLeaveExactlyOneAdmin() throws Exception {
        race((actor, target) -> administration.deactivate(StaffId.ofNullable(target)));
    }

    /** Two fresh admins, the only active ones, each act on the other at the same moment. */
    private void race(java.util.function.BiConsumer<String, Long> change) throws Exception {
        var first = staff.member(StaffRole.ADMIN);
        var second = staff.member(StaffRole.ADMIN);
        List<Long> others = jdbc.queryForList("select id from staff_account where role = 'ADMIN' and active "
                + "and id not in (?, ?)", Long.class, first.id(), second.id());
        others.forEach(id -> jdbc.update("update staff_account set active = false where id = ?", id));
        try {
            var ready = new CountDownLatch(2);
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(2);
            List<Future<String>> outcomes = new ArrayList<>();
            outcomes.add(pool.submit(() -> attempt(ready, start, first.username(), second.id(), change)));
            outcomes.add(pool.submit(() -> attempt(ready, start, second.username(), first.id(), change)));
            ready.await();
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(results).containsExactlyInAnyOrder("done", "refused");
            assertThat(jdbc.queryForObject("select count(*) from staff_account where role = 'ADMIN' and active",
                    Integer.class)).isOne();
            assertThat(auditDetails("STAFF_CHANGE_REFUSED")).anyMatch(d -> d.contains("last active"));
        } finally {
            others.forEach(id -> jdbc.update("update staff_account set active = true where id = ?", id));
            jdbc.update("update staff_account set active = false where id in (?, ?)", first.id(), second.id());
        }
    }

    private String attempt(CountDownLatch ready, CountDownLatch start, String actor, long target,
                           java.util.function.BiConsumer<String, Long> change) throws InterruptedException {
        // both are signed in before either acts, as two managers with the team page open would be
        var signedIn = staff.signedIn(actor);
        ready.countDown();
        start.await();
        org.springframework.security.core.context.SecurityContextHolder.setContext(signedIn);
        try {
            change.accept(actor, target);
            return "done";
        } catch (StaffActionRefused refused) {
            assertThat(refused).hasMessageContaining("only active practice manager");
            return "refused";
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private boolean signIn(String username, String password) {
        try {
            return staffAuthentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
                    password)).isAuthenticated();
        } catch (org.springframework.security.core.AuthenticationException refused) {
            return false;
        } finally {
            jdbc.update("delete from sign_in_throttle where throttle_key in (?, ?)",
                    SignInThrottle.accountKey(username), SignInThrottle.addressKey("unknown"));
        }
    }

    private long idOf(String username) {
        return jdbc.queryForObject("select id from staff_account where username = ?", Long.class, username);
    }

    private List<String> auditDetails(String action) {
        return jdbc.queryForList("select coalesce(detail, '') from audit_entry where action = ? order by id desc "
                + "limit 20", String.class, action);
    }
}
