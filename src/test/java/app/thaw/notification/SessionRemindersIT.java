package app.thaw.notification;

import static app.thaw.notification.TestNotices.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.OutboxMessageId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.scheduling.AppointmentBooked;
import app.thaw.scheduling.AppointmentCancelled;
import app.thaw.scheduling.AppointmentNotice;
import app.thaw.scheduling.AppointmentRescheduled;
import app.thaw.scheduling.UpcomingSessions;

/**
 * Reminders and change notices for a session: a reminder queued once per session version and withdrawn when the session
 * moves, the change and cancellation emails, none inside the reminder window, and the client's own status link in a
 * reminder.
 */
@IntegrationTest
class SessionRemindersIT extends OutboxTestSupport {

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

    private static UpcomingSessions diary(AppointmentNotice... notices) {
        return (from, to) -> List.of(notices).stream()
                .filter(n -> !n.start().toInstant().isBefore(from) && n.start().toInstant().isBefore(to)).toList();
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
}
