package app.thaw.notification;

import static app.thaw.notification.TestNotices.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import biweekly.Biweekly;
import biweekly.ICalendar;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.ids.OutboxMessageId;
import app.thaw.IntegrationTest;
import app.thaw.scheduling.AppointmentBooked;
import app.thaw.security.SystemActor;

/** The outbox against a real SMTP server (GreenMail) that is first down, then up. */
@IntegrationTest
class OutboxSmtpIT {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxSender sender;

    @Autowired
    Outbox outbox;

    @Autowired
    ClientEmails clientEmails;

    @Test
    @WithUserDetails("admin")
    void emailsWaitWhileTheServerIsDownAndArriveIntactOnceItIsUp() throws Exception {
        int port = freePort();
        JavaMailSenderImpl smtp = mailSender(port);
        long id = TestNotices.newAppointmentId();
        var sam = recipient("Sam", "sam." + id + "@example.org");
        var alex = recipient("Alex", "alex." + id + "@example.org");
        // the second, GMT, 01:30 of the night the clocks go back
        ZonedDateTime start = TestNotices.london("2026-10-25T01:30").withLaterOffsetAtOverlap();
        var notice = TestNotices.inPerson(id, start, 4, sam, alex);
        new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> events.publishEvent(new AppointmentBooked(notice)));
        List<Long> ids = jdbc.queryForList("select id from outbox_message where appointment_id = ? order by id",
                Long.class, id);
        assertThat(ids).hasSize(2);
        // tests run without spring.mail.host, so messages are captured until queued for delivery
        ids.forEach(message -> outbox.sendAgain(OutboxMessageId.of(message)));
        assertThat(rows(id)).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"));

        // a millisecond on: both messages were queued with microseconds, and truncating alone could leave one not yet due
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        var down = SystemActor.call(() -> sender.sendDue(smtp, now));
        assertThat(down.sent()).isZero();
        assertThat(rows(id)).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat(instant(row.get("next_attempt_at"))).isEqualTo(now.plus(Duration.ofMinutes(1)));
            assertThat((String) row.get("last_error")).startsWith("Mail server unreachable");
        });

        SystemActor.call(() -> sender.sendDue(smtp, now.plusSeconds(30)));
        assertThat(rows(id)).allSatisfy(row -> assertThat(row.get("attempts")).isEqualTo(1));

        Instant second = now.plus(Duration.ofMinutes(1));
        SystemActor.call(() -> sender.sendDue(smtp, second));
        assertThat(rows(id)).allSatisfy(row -> {
            assertThat(row.get("attempts")).isEqualTo(2);
            assertThat(instant(row.get("next_attempt_at"))).isEqualTo(second.plus(Duration.ofMinutes(2)));
        });

        var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            Instant later = now.plus(Duration.ofMinutes(10));
            var up = SystemActor.call(() -> sender.sendDue(smtp, later));

            assertThat(up.sent()).isGreaterThanOrEqualTo(2);
            assertThat(server.waitForIncomingEmail(10_000, 2)).isTrue();
            assertThat(rows(id)).allSatisfy(row -> {
                assertThat(row.get("status")).isEqualTo("SENT");
                assertThat(row.get("attempts")).isEqualTo(3);
                assertThat(instant(row.get("sent_at"))).isEqualTo(later);
            });
            for (var to : List.of(sam, alex)) {
                MimeMessage message = receivedBy(server, to.email());
                assertThat(message.getFrom()).singleElement().extracting(a -> ((InternetAddress) a).getAddress())
                        .isEqualTo("hello@thaw.example");
                assertThat(message.getSubject()).isEqualTo("Your appointment on Sun 25 October at 01:30 is confirmed");
                assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
                String text = textOf(message);
                assertThat(text).startsWith("Dear " + to.name() + ",")
                        .contains("Sunday 25 October 2026, 01:30 to 02:50 (GMT)", "Dr Amira Khan", "Room 2");
                TestNotices.assertNothingClinical(message.getSubject());
                TestNotices.assertNothingClinical(text);

                Part attachment = calendarPart(message);
                assertThat(attachment.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
                ICalendar calendar = Biweekly.parse(read(attachment)).first();
                var event = calendar.getEvents().getFirst();
                assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
                assertThat(event.getUid().getValue()).isEqualTo("appointment-" + id + "@thaw");
                assertThat(event.getSequence().getValue()).isEqualTo(4);
                assertThat(event.getDateStart().getValue().toInstant())
                        .isEqualTo(start.toInstant()).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
                assertThat(event.getSummary().getValue()).isEqualTo("Session with Dr Amira Khan");
                TestNotices.assertNothingClinical(read(attachment));
            }
        } finally {
            server.stop();
        }
    }

    @Test
    @WithUserDetails("admin")
    void aMessageThatKeepsFailingIsMarkedFailedForTheAdminAfterTheLastAttempt() throws Exception {
        String email = "never." + UUID.randomUUID() + "@example.org";
        clientEmails.sendPartnerInvitation(app.thaw.base.ids.IntakeId.of(1), email, "Alex", "https://thaw.example/i/never");
        long messageId = jdbc.queryForObject("select id from outbox_message where recipient = ?", Long.class, email);
        outbox.sendAgain(OutboxMessageId.of(messageId));
        // nine earlier attempts already failed
        jdbc.update("update outbox_message set attempts = 9 where id = ?", messageId);

        JavaMailSenderImpl nobodyListening = mailSender(freePort());
        SystemActor.call(() -> sender.sendDue(nobodyListening, Instant.now()));

        var failed = outbox.list(OutboxStatus.FAILED, 0, 1000).stream()
                .filter(message -> message.id() == messageId).findFirst().orElseThrow();
        assertThat(failed.attempts()).isEqualTo(10);
        assertThat(failed.lastError()).startsWith("Mail server unreachable");
        assertThat(outbox.sendAgain(OutboxMessageId.of(messageId))).isTrue();
        jdbc.update("update outbox_message set status = 'WITHDRAWN' where id = ?", messageId);
    }

    private List<Map<String, Object>> rows(long appointmentId) {
        return jdbc.queryForList("select * from outbox_message where appointment_id = ? order by id", appointmentId);
    }

    private static JavaMailSenderImpl mailSender(int port) {
        var mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        var properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "5000");
        properties.put("mail.smtp.writetimeout", "5000");
        mail.setJavaMailProperties(properties);
        return mail;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Instant instant(Object timestamp) {
        return ((Timestamp) timestamp).toInstant();
    }

    private static MimeMessage receivedBy(GreenMail server, String email) throws Exception {
        for (MimeMessage message : server.getReceivedMessages()) {
            var to = message.getRecipients(Message.RecipientType.TO);
            if (to != null && to.length == 1 && ((InternetAddress) to[0]).getAddress().equals(email)) {
                return message;
            }
        }
        throw new AssertionError("No email to " + email);
    }

    private static String textOf(Part part) throws Exception {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = textOf(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static Part calendarPart(Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Part found = calendarPart(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String read(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
