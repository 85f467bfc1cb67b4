package app.thaw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import app.thaw.base.crypto.FieldCipher;
import app.thaw.base.crypto.Reencryption;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.retention.RetentionRun;
import app.thaw.retention.RetentionService;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;
import app.thaw.security.StaffPasswords;
import app.thaw.security.StaffRole;
import app.thaw.security.SystemActor;

/**
 * Issue 14 point 5: two application servers (this JVM's shared context and {@link SecondInstance}) over one
 * PostgreSQL, as docker-compose.yml runs them. Whatever reaches either instance, there is one truth: one booking
 * wins a race, a draft saved on one resumes on the other, the sign-in throttle counts tries on both, retention runs
 * once per due time and a key rotation is one pass that a stopped instance's successor completes. (Outbox and
 * reminders: TwoInstanceOutboxIT; sign-outs on both: TwoInstanceSessionsBrowserIT.)
 */
@IntegrationTest
class TwoInstancesIT {

    @Autowired
    ApplicationContext first;

    @Autowired
    JdbcTemplate jdbc;

    @org.junit.jupiter.api.BeforeEach
    void bothInstancesRunning() {
        SecondInstance.context();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aBookingRaceAcrossTheTwoInstancesHasExactlyOneWinner() throws Exception {
        long client = submitted(first, "Two Instance Race");
        long amira = jdbc.queryForObject("select id from staff_account where username = 'amira'", Long.class);
        long type = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2027, 3, 1).plusDays(ThreadLocalRandom.current()
                .nextInt(0, 300)), LocalTime.of(15, 0), Application.PRACTICE_ZONE);
        // the manager books anyway: the race is about the clash, not about whichever day the random date falls on
        var request = new BookingRequest(client, null, amira, type, SessionFormat.ONLINE, null, start, null,
                "Race across two instances");

        var onFirst = first.getBean(SchedulingService.class);
        var onSecond = SecondInstance.bean(SchedulingService.class);
        List<BookingResult> outcomes = race(8, i -> i % 2 == 0 ? as(first, "admin", () -> onFirst.book(request))
                : SecondInstance.asStaff("admin", () -> onSecond.book(request)));

        assertThat(outcomes).filteredOn(BookingResult.Booked.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(BookingResult.Conflict.class::isInstance).hasSize(7);
        assertThat(jdbc.queryForObject("select count(*) from appointment where therapist_id = ? and starts_at = ?",
                Integer.class, amira, Timestamp.from(start.toInstant()))).isOne();
    }

    @Test
    void aDraftSavedOnOneInstanceResumesOnTheOther() {
        var onFirst = first.getBean(IntakeService.class);
        var onSecond = SecondInstance.bean(IntakeService.class);
        String token = onFirst.startDraft(null, address()).orElseThrow().token();
        assertThat(onFirst.saveAnswers(token, IntakeFixtures.completeAnswers("Drafted On First").asMap(), "about"))
                .isTrue();

        var resumed = onSecond.resumeDraft(token).orElseThrow();
        assertThat(resumed.answers().asMap().get("about.full_name")).containsExactly("Drafted On First");
        // and it is sent from the second, once
        assertThat(onSecond.submit(token, address(), false)).isInstanceOf(SubmissionOutcome.Submitted.class);
        assertThat(onFirst.submit(token, address(), false)).isNotInstanceOf(SubmissionOutcome.Submitted.class);
        assertThat(jdbc.queryForObject("select count(*) from intake where full_name = 'Drafted On First'",
                Integer.class)).isOne();
    }

    @Test
    void theSignInThrottleCountsTriesMadeOnEitherInstance() {
        var staff = new app.thaw.security.StaffFixtures(first.getBean(StaffAdministration.class),
                first.getBean(StaffPasswords.class), first.getBean(StaffAccountService.class));
        var member = staff.member(StaffRole.THERAPIST);
        var onFirst = first.getBean("staffAuthentication", AuthenticationProvider.class);
        var onSecond = SecondInstance.context().getBean("staffAuthentication", AuthenticationProvider.class);
        for (int i = 0; i < 10; i++) {
            var provider = i % 2 == 0 ? onFirst : onSecond;
            String wrong = "wrong-" + i;
            assertThatThrownBy(() -> provider.authenticate(attempt(member.username(), wrong)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        // five on each: the account is paused on both
        for (var provider : List.of(onFirst, onSecond)) {
            assertThatThrownBy(() -> provider.authenticate(attempt(member.username(),
                    app.thaw.security.StaffFixtures.PASSWORD))).isInstanceOf(BadCredentialsException.class);
        }
        jdbc.update("delete from sign_in_throttle where throttle_key = 'address:unknown'");
    }

    @Test
    void retentionRunsOncePerDueTimeWhicheverInstancesRunIt() throws Exception {
        Instant due = Instant.now().minusSeconds(ThreadLocalRandom.current().nextInt(1, 1_000_000));
        var onFirst = first.getBean(RetentionService.class);
        var onSecond = SecondInstance.bean(RetentionService.class);
        List<RetentionRun> runs = race(2, i -> i == 0 ? SystemActor.call(() -> onFirst.runRetention(due))
                : SecondInstance.asSystem(() -> onSecond.runRetention(due)));

        assertThat(runs).filteredOn(RetentionRun::ran).hasSizeLessThanOrEqualTo(2);
        // the lock lets one work; a second run for the same due time finds nothing left to do
        assertThat(runs.stream().mapToInt(RetentionRun::anonymised).filter(n -> n > 0).count()).isLessThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from retention_run where ran_at = ? and anonymised > 0",
                Integer.class, Timestamp.from(due))).isLessThanOrEqualTo(1);
    }

    @Test
    void aKeyRotationIsOnePassAcrossBothInstancesAndAStoppedPassIsCarriedOn() throws Exception {
        var data = new app.thaw.review.ReviewTestData(first.getBean(IntakeService.class),
                first.getBean(UserDetailsService.class), jdbc);
        for (int i = 0; i < 3; i++) {
            data.submit(IntakeFixtures.completeAnswers("Rotated " + UUID.randomUUID().toString().substring(0, 6))
                    .with("presenting.what_brings_you", "Answer to rotate " + i));
        }
        FieldCipher cipher = first.getBean(FieldCipher.class);
        String newKey = "two" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
        FieldCipher rotated = cipher.withNewActiveKey(newKey, FieldCipher.newKey());
        long passesBefore = passes(newKey);
        try {
            // the first instance is stopped after one batch (each batch commits on its own)
            var stopped = first.getBean(Reencryption.class).reencrypt(rotated, 1);
            assertThat(stopped.values().stream().mapToInt(Integer::intValue).sum()).isPositive();
            assertThat(passes(newKey)).isEqualTo(passesBefore);

            // both start again with the new key: one carries the pass to the end, the other leaves it to it
            race(2, i -> bean(i == 0 ? first : SecondInstance.context(), Reencryption.class).reencryptAll(rotated));

            assertThat(passes(newKey)).isEqualTo(passesBefore + 1);
            assertThat(underKey(cipher.activeKeyId())).isZero();
        } finally {
            // back under the test key, so every other test reads on
            first.getBean(Reencryption.class).reencryptAll(rotated.withActiveKey(cipher.activeKeyId()));
        }
    }

    private long passes(String key) {
        return jdbc.queryForObject("select count(*) from encryption_pass where key_id = ?", Long.class, key);
    }

    private long underKey(String key) {
        return jdbc.queryForObject("select count(*) from intake where answers::text like ?", Long.class,
                "%enc:v1:" + key + ":%");
    }

    private static <T> List<T> race(int runners, java.util.function.IntFunction<T> work) throws Exception {
        var start = new CountDownLatch(1);
        List<CompletableFuture<T>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < runners; i++) {
            int index = i;
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return work.apply(index);
            }));
        }
        start.countDown();
        List<T> results = new java.util.ArrayList<>();
        for (var future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private static <T> T bean(ApplicationContext context, Class<T> type) {
        return context.getBean(type);
    }

    private static <T> T as(ApplicationContext context, String username, Supplier<T> work) {
        var user = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        var security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        SecurityContextHolder.setContext(security);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static long submitted(ApplicationContext context, String name) {
        var intake = context.getBean(IntakeService.class);
        String address = address();
        String token = intake.startDraft(null, address).orElseThrow().token();
        intake.saveAnswers(token, IntakeFixtures.completeAnswers(name).asMap(), "consent");
        var receipt = ((SubmissionOutcome.Submitted) intake.submit(token, address, false)).receipt();
        return context.getBean(JdbcTemplate.class).queryForObject("select id from intake where reference = ?",
                Long.class, receipt.reference());
    }

    private static UsernamePasswordAuthenticationToken attempt(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    private static String address() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
    }
}
