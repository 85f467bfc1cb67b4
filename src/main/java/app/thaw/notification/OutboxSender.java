package app.thaw.notification;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.PracticeSettings;
import app.thaw.security.Roles;

/**
 * Delivers due outbox rows. Safe with any number of instances: rows are claimed with FOR UPDATE SKIP
 * LOCKED in a short transaction that also pushes their next try past a lease, and SMTP happens outside
 * any transaction. Delivery is at least once: an instance dying mid-send lets another retry after the lease.
 */
@Service
public class OutboxSender {

    /** What one run did. */
    public record Run(int sent, int retrying, int failed, int withdrawn) {
    }

    private record Claimed(long id, String recipient, String subject, String body, @Nullable String ics,
                           @Nullable String icsMethod, int attempts, @Nullable Instant notAfter) {
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_BATCHES_PER_RUN = 10;
    private static final int ERROR_MAX = 300;
    private static final String SERVER_PROBLEM = "Mail server unreachable: ";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final MailSettings settings;
    private final PracticeSettings practice;

    OutboxSender(JdbcTemplate jdbc, PlatformTransactionManager transactions, MailSettings settings,
                 PracticeSettings practice) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
        this.practice = practice;
    }

    /** Sends everything due at {@code now} through the given server; the scheduled job passes Spring's sender. */
    @RolesAllowed(Roles.SYSTEM)
    public Run sendDue(JavaMailSender mail, Instant now) {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        int withdrawn = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            List<Claimed> claimed = Objects.requireNonNullElse(transaction.execute(status -> claim(now)), List.of());
            @Nullable String serverDown = null;
            for (Claimed row : claimed) {
                if (row.notAfter() != null && !now.isBefore(row.notAfter())) {
                    withdrawn += finish(row, OutboxStatus.WITHDRAWN, now, "The session had already started");
                    continue;
                }
                @Nullable String problem = serverDown != null ? serverDown : deliver(mail, row);
                if (problem == null) {
                    sent += finish(row, OutboxStatus.SENT, now, null);
                } else if (row.attempts() >= settings.maxAttempts()) {
                    failed += finish(row, OutboxStatus.FAILED, now, problem);
                } else {
                    retrying += retryLater(row, now, problem);
                }
                if (problem != null && problem.startsWith(SERVER_PROBLEM)) {
                    // the server is unreachable: the rest of this batch waits for its next try too
                    serverDown = problem;
                }
            }
            if (claimed.size() < settings.batchSize() || serverDown != null) {
                break;
            }
        }
        if (sent + retrying + failed > 0) {
            log.info("Outbox run: {} sent, {} to retry, {} failed, {} withdrawn", sent, retrying, failed, withdrawn);
        }
        return new Run(sent, retrying, failed, withdrawn);
    }

    private List<Claimed> claim(Instant now) {
        return jdbc.query("""
                with due as (
                    select id from outbox_message
                     where status = 'PENDING' and next_attempt_at <= ?
                     order by next_attempt_at, id
                     limit ?
                       for update skip locked)
                update outbox_message m
                   set attempts = m.attempts + 1, next_attempt_at = ?, last_attempt_at = ?
                  from due
                 where m.id = due.id
                returning m.id, m.recipient, m.subject, m.body_text, m.ics, m.ics_method, m.attempts, m.not_after""",
                (rs, row) -> new Claimed(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body_text"), rs.getString("ics"), rs.getString("ics_method"),
                        rs.getInt("attempts"), instant(rs.getTimestamp("not_after"))),
                Timestamp.from(now), settings.batchSize(), Timestamp.from(now.plus(settings.claimLease())),
                Timestamp.from(now));
    }

    /** Returns null when the server accepted the message, otherwise what went wrong. */
    private @Nullable String deliver(JavaMailSender mail, Claimed row) {
        try {
            mail.send(message(mail, row));
            return null;
        } catch (RuntimeException | MessagingException | UnsupportedEncodingException e) {
            Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
            String detail = root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage());
            log.warn("Outbox message {} not delivered (attempt {}): {}", row.id(), row.attempts(),
                    root.getClass().getSimpleName());
            return root instanceof IOException ? SERVER_PROBLEM + detail : detail;
        }
    }

    private MimeMessage message(JavaMailSender mail, Claimed row)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = mail.createMimeMessage();
        var helper = new MimeMessageHelper(mime, row.ics() != null, StandardCharsets.UTF_8.name());
        helper.setFrom(sender());
        String replyTo = practice.profile().email();
        if (replyTo != null && !replyTo.isBlank()) {
            helper.setReplyTo(replyTo);
        }
        helper.setTo(row.recipient());
        helper.setSubject(row.subject());
        helper.setText(row.body(), false);
        if (row.ics() != null) {
            helper.addAttachment("appointment.ics", new ByteArrayDataSource(row.ics().getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + row.icsMethod()));
        }
        // tells auto-responders not to answer
        mime.setHeader("Auto-Submitted", "auto-generated");
        return mime;
    }

    private InternetAddress sender() throws MessagingException, UnsupportedEncodingException {
        var current = practice.current();
        if (current.mailFrom() != null && !current.mailFrom().isBlank()) {
            return InternetAddress.parse(current.mailFrom(), true)[0];
        }
        if (current.email() == null || current.email().isBlank()) {
            throw new MessagingException("Set the sender in Practice details (or thaw.mail.from / thaw.practice.email)");
        }
        return new InternetAddress(current.email(), current.name(), StandardCharsets.UTF_8.name());
    }

    private int finish(Claimed row, OutboxStatus status, Instant now, @Nullable String problem) {
        return jdbc.update("""
                update outbox_message set status = ?, sent_at = ?, last_error = ?
                 where id = ? and status = 'PENDING' and attempts = ?""",
                status.name(), status == OutboxStatus.SENT ? Timestamp.from(now) : null, truncate(problem), row.id(),
                row.attempts());
    }

    private int retryLater(Claimed row, Instant now, String problem) {
        return jdbc.update("""
                update outbox_message set next_attempt_at = ?, last_error = ?
                 where id = ? and status = 'PENDING' and attempts = ?""",
                Timestamp.from(now.plus(settings.retryDelay(row.attempts()))), truncate(problem), row.id(),
                row.attempts());
    }

    private static @Nullable String truncate(@Nullable String text) {
        return text == null ? null : OutboxWriter.truncate(text, ERROR_MAX);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
