package app.thaw.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.StaffId;

/**
 * One mailbox per active staff account, whatever the case it is typed in: an invitation or a reset link for one
 * person never goes to a colleague's inbox, even when two invitations are sent at the same moment.
 */
@IntegrationTest
class SharedAddressesIT {

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffPasswords passwords;

    @Autowired
    StaffAccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    StaffFixtures staff;

    @BeforeEach
    void fixtures() {
        staff = new StaffFixtures(administration, passwords, accounts);
    }

    @Test
    void aColleaguesAddressInAnotherCaseIsRefusedUnderEmailNamingThem() {
        String username = "dup" + UUID.randomUUID().toString().substring(0, 8);

        assertThatThrownBy(() -> staff.as("admin", () -> administration.invite(new NewStaffMember("Second Amira",
                username, " Amira.Khan@THAW.example ", StaffRole.THERAPIST))))
                .isInstanceOfSatisfying(StaffInputProblem.class, problem -> {
                    assertThat(problem.field()).isEqualTo(StaffInputProblem.Field.EMAIL);
                    assertThat(problem).hasMessageStartingWith("Dr Amira Khan already uses this address.");
                });
        assertThat(count("select count(*) from staff_account where username = ?", username)).isZero();
        assertThat(count("select count(*) from outbox_message where lower(recipient) = 'amira.khan@thaw.example' "
                + "and kind = 'STAFF_INVITATION'")).isZero();
    }

    @Test
    void theDatabaseRefusesASecondActiveAccountOnOneMailboxButKeepsALeaversAddress() {
        String address = "shared." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        insert("leaver" + address.hashCode(), address, false);
        insert("first" + address.hashCode(), address.toUpperCase(Locale.ROOT), true);

        var second = catchThrowable(() -> insert("second" + address.hashCode(), address, true));

        assertThat(second).hasMessageContaining("staff_account_email_uk");
        assertThat(count("select count(*) from staff_account where lower(email) = ?", address)).isEqualTo(2);
    }

    @Test
    void anInvitationRacingAnotherForTheSameAddressIsRefusedUnderEmailNamingTheOther() throws Exception {
        String address = "race." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String username = "racer" + UUID.randomUUID().toString().substring(0, 8);
        var pool = Executors.newSingleThreadExecutor();
        try (var other = dataSource.getConnection()) {
            // the other invitation has written its account but not yet committed: the check before ours can't see it
            other.setAutoCommit(false);
            try (var insert = other.prepareStatement("insert into staff_account (username, display_name, email, "
                    + "role, created_at) values (?, 'Jo Quick', ?, 'THERAPIST', now())")) {
                insert.setString(1, username + "q");
                insert.setString(2, address.toUpperCase(Locale.ROOT));
                insert.executeUpdate();
            }
            var signedIn = staff.signedIn("admin");
            Future<Throwable> ours = pool.submit(() -> {
                SecurityContextHolder.setContext(signedIn);
                try {
                    return catchThrowable(() -> administration.invite(new NewStaffMember("Jo Slow", username,
                            address, StaffRole.THERAPIST)));
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
            awaitWaitingOnALock();
            other.commit();

            assertThat(ours.get(60, TimeUnit.SECONDS)).isInstanceOfSatisfying(StaffInputProblem.class, problem -> {
                assertThat(problem.field()).isEqualTo(StaffInputProblem.Field.EMAIL);
                assertThat(problem).hasMessageStartingWith("Jo Quick already uses this address.");
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from staff_account where lower(email) = ?", address)).isOne();
        assertThat(count("select count(*) from staff_account where username = ?", username)).isZero();
    }

    @Test
    void twoInvitationsAtOnceForOneAddressInDifferentCaseMakeOneAccount() throws Exception {
        String word = UUID.randomUUID().toString().substring(0, 8);
        String address = "twice." + word + "@example.org";
        var signedIn = staff.signedIn("admin");
        var ready = new CountDownLatch(2);
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (String[] invite : new String[][] {{"a" + word, address}, {"b" + word, address.toUpperCase(Locale.ROOT)}}) {
            outcomes.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                SecurityContextHolder.setContext(signedIn);
                try {
                    administration.invite(new NewStaffMember("Twice " + invite[0], invite[0], invite[1],
                            StaffRole.THERAPIST));
                    return "invited";
                } catch (StaffInputProblem problem) {
                    return problem.field() + ": " + problem.getMessage();
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }));
        }
        ready.await();
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results).containsOnlyOnce("invited");
        assertThat(results).anySatisfy(r -> assertThat(r).startsWith("EMAIL: Twice ").contains("already uses this"));
        assertThat(count("select count(*) from staff_account where lower(email) = ?", address)).isOne();
    }

    @Test
    void aLeaverIsNotReactivatedWhileSomeoneElseUsesTheirAddress() {
        var leaver = staff.member(StaffRole.THERAPIST);
        staff.as("admin", () -> administration.deactivate(StaffId.of(leaver.id())));
        String address = leaver.username() + "@example.org";
        String successor = "succ" + UUID.randomUUID().toString().substring(0, 8);
        staff.as("admin", () -> administration.invite(new NewStaffMember("Successor " + successor, successor,
                address.toUpperCase(Locale.ROOT), StaffRole.THERAPIST)));

        assertThatThrownBy(() -> staff.as("admin", () -> administration.reactivate(StaffId.of(leaver.id()))))
                .isInstanceOf(StaffActionRefused.class)
                .hasMessageContaining("Successor " + successor + " now uses their email address");
        assertThat(count("select count(*) from staff_account where id = ? and active", leaver.id())).isZero();
    }

    private void awaitWaitingOnALock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                    + "and query like 'insert into staff_account%'") > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the invitation never waited for the other one");
    }

    private void insert(String username, String email, boolean active) {
        jdbc.update("insert into staff_account (username, display_name, email, role, active, created_at) "
                + "values (?, ?, ?, 'THERAPIST', ?, now())", username, "Db " + username, email, active);
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
