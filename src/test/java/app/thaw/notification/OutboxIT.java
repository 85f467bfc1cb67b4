package app.thaw.notification;

import app.thaw.base.ids.OutboxMessageId;
import app.thaw.scheduling.UpcomingSessions;
import static app.thaw.notification.TestNotices.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.IntegrationTest;
import app.thaw.base.domain.SecretToken;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.scheduling.AppointmentBooked;
import app.thaw.scheduling.AppointmentCancelled;
import app.thaw.scheduling.AppointmentNotice;
import app.thaw.scheduling.AppointmentRescheduled;
import app.thaw.scheduling.SessionNotices;

@IntegrationTest
class OutboxIT {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxWriter writer;

    @Autowired
    ReminderJob reminders;

    @Autowired
    Outbox outbox;

    @Autowired
    BookingConfirmations confirmations;

    @Autowired
    ClientEmails clientEmails;

    @Autowired
    IntakeService intake;

    @Autowired
    Clock clock;

    @Test
    void theSameKeyTwiceMakesOneRow() {
        String key = "test/" + UUID.randomUUID();
        var email = OutgoingEmail.plain(key, EmailKind.INTAKE_RECEIVED, "once@example.org", "Hello", "Body");

        assertThat(writer.enqueue(email)).isTrue();
        assertThat(writer.enqueue(email)).isFalse();
        assertThat(writer.enqueue(OutgoingEmail.plain(key, EmailKind.INTAKE_RECEIVED, "other@example.org", "Changed",
                "Other"))).isFalse();

        assertThat(jdbc.queryForList("select recipient from outbox_message where idempotency_key = ?", String.class,
                key)).containsExactly("once@example.org");
    }

    @Test
    void aBookingQueuesOneEmailPerClientWithAnInvitationAndARepeatedEventAddsNothing() {
        long id = TestNotices.newAppointmentId();
        var notice = TestNotices.inPerson(id, ZonedDateTime.now(clock).plusDays(5), 0,
                recipient("Sam", "Sam." + id + "@Example.org"), recipient("Alex", "alex." + id + "@example.org"));

        inTransaction(() -> events.publishEvent(new AppointmentBooked(notice)));
        inTransaction(() -> events.publishEvent(new AppointmentBooked(notice)));

        var rows = rowsOf(id);
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("kind")).isEqualTo("BOOKED");
            assertThat(row.get("ics_method")).isEqualTo("REQUEST");
            assertThat((String) row.get("ics")).contains("UID:appointment-" + id + "@thaw");
            assertThat(row.get("sequence")).isEqualTo(0);
            assertThat(row.get("status")).isEqualTo(writer.deliveryConfigured() ? "PENDING" : "CAPTURED");
            TestNotices.assertNothingClinical((String) row.get("subject"));
            TestNotices.assertNothingClinical((String) row.get("body_text"));
            TestNotices.assertNothingClinical((String) row.get("ics"));
        });
        assertThat(rows).extracting(row -> row.get("recipient"))
                .containsExactlyInAnyOrder("Sam." + id + "@Example.org", "alex." + id + "@example.org");
    }

    @Test
    void aBookingThatRollsBackLeavesNoEmail() {
        long id = TestNotices.newAppointmentId();
        var notice = TestNotices.online(id, ZonedDateTime.now(clock).plusDays(2), 0, recipient("Sam", "s@example.org"));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new AppointmentBooked(notice));
            // the confirmation is rendered only once the booking has committed (issue 20: not inside the booking)
            assertThat(rowsOf(id)).isEmpty();
            status.setRollbackOnly();
        });

        assertThat(rowsOf(id)).isEmpty();
    }

    @Test
    void aBookingIsConfirmedAsSoonAsItCommits() {
        long id = TestNotices.newAppointmentId();
        var notice = TestNotices.online(id, ZonedDateTime.now(clock).plusDays(2), 0, recipient("Kit", "k@example.org"));

        new TransactionTemplate(transactions).executeWithoutResult(status ->
                events.publishEvent(new AppointmentBooked(notice)));

        assertThat(rowsOf(id)).hasSize(1);
        assertThat(owed(id)).as("the confirmation owed is settled with its email").isZero();
    }

    @Test
    void aConfirmationLostToACrashIsRenderedOnceByTheSweep() {
        long id = TestNotices.newAppointmentId();
        var notice = TestNotices.inPerson(id, ZonedDateTime.now(clock).plusDays(4), 0,
                recipient("Sam", "sam." + id + "@example.org"), recipient("Alex", "alex." + id + "@example.org"));
        // what a booking that committed just before the process died leaves behind: the debt, no email
        Instant committed = clock.instant().minus(Duration.ofMinutes(2));
        jdbc.update("insert into booking_confirmation (appointment_id, sequence, created_at) values (?, 0, ?)", id,
                java.sql.Timestamp.from(committed));
        SessionNotices diary = ids -> ids.contains(id) ? List.of(notice) : List.of();

        assertThat(confirmations.sweep(diary, clock.instant())).isEqualTo(2);
        assertThat(confirmations.sweep(diary, clock.instant())).isZero();
        inTransaction(() -> events.publishEvent(new AppointmentBooked(notice)));

        assertThat(rowsOf(id)).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("kind")).isEqualTo("BOOKED");
            assertThat((String) row.get("ics")).contains("UID:appointment-" + id + "@thaw");
            TestNotices.assertNothingClinical((String) row.get("body_text"));
        });
        assertThat(owed(id)).isZero();
    }

    @Test
    void theSweepLeavesAConfirmationJustOwedAndDropsOneForASessionChangedSince() {
        long id = TestNotices.newAppointmentId();
        var moved = TestNotices.online(id, ZonedDateTime.now(clock).plusDays(4), 1,
                recipient("Kit", "k" + id + "@x.org"));
        jdbc.update("insert into booking_confirmation (appointment_id, sequence, created_at) values (?, 0, ?)", id,
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(2))));
        long fresh = TestNotices.newAppointmentId();
        jdbc.update("insert into booking_confirmation (appointment_id, sequence, created_at) values (?, 0, ?)", fresh,
                java.sql.Timestamp.from(clock.instant()));
        SessionNotices diary = ids -> ids.contains(id) ? List.of(moved) : List.of();

        assertThat(confirmations.sweep(diary, clock.instant())).isZero();

        assertThat(owed(id)).as("the move told the client; version 0's confirmation is dropped").isZero();
        assertThat(rowsOf(id)).isEmpty();
        assertThat(owed(fresh)).as("still within the minute its booking's own thread has").isEqualTo(1);
        jdbc.update("delete from booking_confirmation where appointment_id = ?", fresh);
    }

    @Test
    @WithUserDetails("admin")
    void aMoveQueuesTheChangeAndWithdrawsTheReminderNotYetSent() {
        long id = TestNotices.newAppointmentId();
        var sam = recipient("Sam", "sam." + id + "@example.org");
        ZonedDateTime start = ZonedDateTime.now(clock).plusHours(20);
        var first = TestNotices.inPerson(id, start, 0, sam);
        assertThat(reminders.queueDue(diary(first), clock.instant())).isEqualTo(1);
        long reminder = idOf(id, "REMINDER");
        outbox.sendAgain(OutboxMessageId.of(reminder));
        assertThat(statusOf(reminder)).isEqualTo("PENDING");

        var moved = TestNotices.inPerson(id, start.plusDays(7), 1, sam);
        inTransaction(() -> events.publishEvent(new AppointmentRescheduled(moved, start)));

        assertThat(statusOf(reminder)).isEqualTo("WITHDRAWN");
        var change = rowsOf(id).stream().filter(row -> "CHANGED".equals(row.get("kind"))).toList();
        assertThat(change).singleElement().satisfies(row -> {
            assertThat(row.get("sequence")).isEqualTo(1);
            assertThat((String) row.get("body_text")).contains(EmailTemplates.when(start) + " has moved");
        });

        inTransaction(() -> events.publishEvent(new AppointmentCancelled(
                TestNotices.inPerson(id, start.plusDays(7), 2, sam), true)));
        assertThat(rowsOf(id)).filteredOn(row -> "CANCELLED".equals(row.get("kind"))).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("ics_method")).isEqualTo("CANCEL");
                    assertThat((String) row.get("ics")).contains("STATUS:CANCELLED", "SEQUENCE:2");
                });
    }

    @Test
    void remindersAreQueuedOncePerSessionVersionEvenWithTwoInstancesRacing() throws Exception {
        long id = TestNotices.newAppointmentId();
        ZonedDateTime sessionStart = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).plusHours(23);
        var couple = TestNotices.inPerson(id, sessionStart, 0,
                recipient("Sam", "sam." + id + "@example.org"), recipient("Alex", "alex." + id + "@example.org"));
        Instant now = clock.instant();
        var start = new CountDownLatch(1);

        var one = CompletableFuture.supplyAsync(() -> await(start, () -> reminders.queueDue(diary(couple), now)));
        var two = CompletableFuture.supplyAsync(() -> await(start, () -> reminders.queueDue(diary(couple), now)));
        start.countDown();

        assertThat(one.get() + two.get()).isEqualTo(2);
        assertThat(reminders.queueDue(diary(couple), now.plus(Duration.ofMinutes(5)))).isZero();
        var rows = rowsOf(id);
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("kind")).isEqualTo("REMINDER");
            assertThat(row.get("ics")).isNull();
            assertThat(((java.sql.Timestamp) row.get("not_after")).toInstant())
                    .isEqualTo(couple.start().toInstant());
            assertThat((String) row.get("subject")).startsWith("Reminder: your appointment on ");
        });
    }

    @Test
    void aSessionBookedInsideTheReminderWindowGetsNoSeparateReminder() {
        long id = TestNotices.newAppointmentId();
        var soon = TestNotices.online(id, ZonedDateTime.now(clock).plusHours(3), 0,
                recipient("Sam", "s" + id + "@x.org"));
        inTransaction(() -> events.publishEvent(new AppointmentBooked(soon)));

        assertThat(reminders.queueDue(diary(soon), clock.instant())).isZero();
        assertThat(rowsOf(id)).extracting(row -> row.get("kind")).containsExactly("BOOKED");
    }

    @Test
    void partnerInvitationIsQueuedOnceAndItsKeyDoesNotHoldTheSecretLink() {
        String secret = UUID.randomUUID().toString();
        String link = "https://thaw.example/intake?invitation=" + secret;
        String email = "partner." + secret + "@example.org";

        assertThat(clientEmails.sendPartnerInvitation(email, "Alex", link)).isTrue();
        assertThat(clientEmails.sendPartnerInvitation(email, "Alex", link)).isFalse();

        var row = jdbc.queryForMap("select * from outbox_message where recipient = ?", email);
        assertThat(row.get("kind")).isEqualTo("PARTNER_INVITATION");
        assertThat((String) row.get("idempotency_key")).startsWith("invitation/").doesNotContain(secret);
        assertThat((String) row.get("body_text")).contains(link, "Alex has asked us");
        assertThatThrownBy(() -> clientEmails.sendPartnerInvitation(email, "Alex", "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSubmittedIntakeGetsAReceiptThatGreetsByPreferredNameAndSaysNothingElse() {
        String email = "client." + UUID.randomUUID() + "@example.org";
        String token = intake.startDraft(null, address()).orElseThrow().token();
        intake.saveAnswers(token, IntakeFixtures.completeAnswers("Morgan Receipt")
                .with("about.preferred_name", "Mo").with("about.email", email).asMap(), "consent");

        var receipt = ((SubmissionOutcome.Submitted) intake.submit(token, address(), false)).receipt();

        var row = jdbc.queryForMap("select * from outbox_message where recipient = ?", email);
        assertThat(row.get("kind")).isEqualTo("INTAKE_RECEIVED");
        assertThat((String) row.get("body_text")).startsWith("Dear Mo,").contains(receipt.reference())
                .doesNotContain("Morgan").doesNotContain("dad");
        // a random reference could spell a short word, so it is left out of the check
        TestNotices.assertNothingClinical(((String) row.get("body_text")).replace(receipt.reference(), ""));
        TestNotices.assertNothingClinical((String) row.get("subject"));
    }

    @Test
    void aReminderCarriesTheClientsOwnStatusLinkWhereEmailIsSafe() {
        String email = "reminded." + UUID.randomUUID() + "@example.org";
        String token = intake.startDraft(null, address()).orElseThrow().token();
        intake.saveAnswers(token, IntakeFixtures.completeAnswers("Rey Minder").with("about.email", email).asMap(),
                "consent");
        var receipt = ((SubmissionOutcome.Submitted) intake.submit(token, address(), false)).receipt();
        long intakeId = jdbc.queryForObject("select id from intake where reference = ?", Long.class,
                receipt.reference());
        long id = TestNotices.newAppointmentId();
        var notice = TestNotices.online(id, ZonedDateTime.now(clock).plusHours(20), 0,
                new AppointmentNotice.Recipient(email, "Rey", intakeId));

        assertThat(reminders.queueDue(diary(notice), clock.instant())).isEqualTo(1);

        assertThat(jdbc.queryForObject("select body_text from outbox_message where appointment_id = ? "
                + "and kind = 'REMINDER'", String.class, id))
                .contains("/status/" + receipt.statusToken(), "move or cancel");
    }

    @Test
    @WithUserDetails("admin")
    void theAdminSeesMessagesWithTheirBodiesButNotTheSecretsInLinks() {
        String email = "listed." + UUID.randomUUID() + "@example.org";
        String secret = SecretToken.generate();
        clientEmails.sendPartnerInvitation(email, "Alex", "https://thaw.example/intake?invitation=" + secret);

        List<OutboxMessage> newest = outbox.list(null, 0, 50);
        var listed = newest.stream().filter(message -> message.recipient().equals(email)).findFirst().orElseThrow();
        assertThat(outbox.count(listed.status())).isPositive();
        assertThat(outbox.countsByStatus()).containsKey(listed.status());
        assertThat(outbox.body(OutboxMessageId.of(listed.id()))).get().asString()
                .contains("Alex has asked us", "https://thaw.example/intake?invitation=[secret hidden]")
                .doesNotContain(secret);
    }

    @Test
    @WithUserDetails("amira")
    void aTherapistCannotReadTheOutbox() {
        assertThatThrownBy(() -> outbox.list(null, 0, 10)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> outbox.body(OutboxMessageId.of(1))).isInstanceOf(AuthorizationDeniedException.class);
    }

    private static UpcomingSessions diary(AppointmentNotice... notices) {
        return (from, to) -> List.of(notices).stream()
                .filter(n -> !n.start().toInstant().isBefore(from) && n.start().toInstant().isBefore(to)).toList();
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private long owed(long appointmentId) {
        return jdbc.queryForObject("select count(*) from booking_confirmation where appointment_id = ?", Long.class,
                appointmentId);
    }

    private List<Map<String, Object>> rowsOf(long appointmentId) {
        return jdbc.queryForList("select * from outbox_message where appointment_id = ? order by id", appointmentId);
    }

    private long idOf(long appointmentId, String kind) {
        return jdbc.queryForObject("select id from outbox_message where appointment_id = ? and kind = ?", Long.class,
                appointmentId, kind);
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("select status from outbox_message where id = ?", String.class, id);
    }

    private static <T> T await(CountDownLatch latch, java.util.function.Supplier<T> work) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return work.get();
    }

    private static String address() {
        return "10.9." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
    }
}
