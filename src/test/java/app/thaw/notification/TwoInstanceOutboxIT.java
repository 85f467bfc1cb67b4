package app.thaw.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import app.thaw.IntegrationTest;
import app.thaw.SecondInstance;
import app.thaw.scheduling.UpcomingSessions;
import app.thaw.security.SystemActor;

/**
 * Issue 14 points 5 and 7 for mail: both instances run the outbox sender against one mail server, first down (every
 * message kept, none lost), then up: each message arrives exactly once. Both instances' reminder jobs queue one
 * reminder per session and due time.
 */
@IntegrationTest
class TwoInstanceOutboxIT {

    /** Far in the past, so only this test's messages are due and no other test's mail is touched. */
    private static final Instant DUE = Instant.parse("2001-01-01T09:00:00Z");

    @Autowired
    ClientEmails clientEmails;

    @Autowired
    OutboxSender sender;

    @Autowired
    ReminderJob reminders;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachMessageIsSentExactlyOnceByTwoInstancesAfterTheMailServerComesBack() throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String email = "twice-" + batch + "-" + i + "@example.org";
            clientEmails.sendPartnerInvitation(app.thaw.base.ids.IntakeId.of(1), email, "Alex", "https://thaw.example/i/" + batch + i);
            recipients.add(email);
        }
        // as with a mail server configured: waiting to be sent (without one, tests capture mail instead)
        jdbc.update("update outbox_message set status = 'PENDING', next_attempt_at = ? where recipient like ?",
                java.sql.Timestamp.from(DUE), "twice-" + batch + "-%");
        int port = freePort();
        var second = SecondInstance.bean(OutboxSender.class);

        // the mail server is down: both instances try, nothing is lost
        bothSend(second, mailSender(port), DUE);
        assertThat(statuses(batch)).containsOnly("PENDING");

        var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            // later (after the retry delay), both instances send at the same moment, several times over
            Instant later = DUE.plus(Duration.ofHours(2));
            for (int round = 0; round < 3; round++) {
                bothSend(second, mailSender(port), later.plusSeconds(round));
            }
            assertThat(statuses(batch)).containsOnly("SENT");
            List<String> delivered = new ArrayList<>();
            for (var message : server.getReceivedMessages()) {
                for (var to : message.getRecipients(Message.RecipientType.TO)) {
                    String address = ((InternetAddress) to).getAddress();
                    if (address.startsWith("twice-" + batch)) {
                        delivered.add(address);
                    }
                }
            }
            assertThat(delivered).containsExactlyInAnyOrderElementsOf(recipients);
        } finally {
            server.stop();
        }
    }

    @Test
    void bothInstancesReminderJobsQueueOneReminderPerSession() throws Exception {
        long id = TestNotices.newAppointmentId();
        var start = java.time.ZonedDateTime.now(app.thaw.Application.PRACTICE_ZONE).plusHours(3);
        var notice = TestNotices.online(id, start, 1, TestNotices.recipient("Rene", "rene." + id + "@example.org"));
        UpcomingSessions diary = (from, to) -> List.of(notice);
        var onSecond = SecondInstance.bean(ReminderJob.class);
        Instant now = Instant.now();

        var one = CompletableFuture.supplyAsync(() -> reminders.queueDue(diary, now));
        var two = CompletableFuture.supplyAsync(() -> SecondInstance.asSystem(() -> onSecond.queueDue(diary, now)));
        int queued = one.get(30, TimeUnit.SECONDS) + two.get(30, TimeUnit.SECONDS);

        assertThat(queued).isOne();
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where appointment_id = ? "
                + "and kind = 'REMINDER'", Integer.class, id)).isOne();
    }

    private void bothSend(OutboxSender second, JavaMailSenderImpl mail, Instant now) throws Exception {
        var one = CompletableFuture.runAsync(() -> SystemActor.run(() -> sender.sendDue(mail, now)));
        var two = CompletableFuture.runAsync(() -> SecondInstance.asSystem(() -> second.sendDue(mail, now)));
        one.get(60, TimeUnit.SECONDS);
        two.get(60, TimeUnit.SECONDS);
    }

    private List<String> statuses(String batch) {
        return jdbc.queryForList("select status from outbox_message where recipient like ?", String.class,
                "twice-" + batch + "-%");
    }

    private static JavaMailSenderImpl mailSender(int port) {
        var mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        var properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "5000");
        mail.setJavaMailProperties(properties);
        return mail;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
