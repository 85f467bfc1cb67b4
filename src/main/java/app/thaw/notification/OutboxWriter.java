package app.thaw.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Contract;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import app.thaw.base.OptionalBean;

/**
 * Writes outbox rows in the caller's transaction, so an email exists exactly when the change it tells about
 * was committed. Never throws for a repeated key: a second instance or a replayed event simply adds nothing.
 */
@Component
class OutboxWriter {

    private static final Logger log = LoggerFactory.getLogger(OutboxWriter.class);
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,189}$");
    private static final int SUBJECT_MAX = 200;
    /** A booking's confirmations and the settling of the debt, around one row of values per email. */
    private static final String CONFIRM_HEAD = """
            with settled as (delete from booking_confirmation where appointment_id = ? and sequence = ?
                             returning 1)
            insert into outbox_message (idempotency_key, kind, recipient, subject, body_text, ics, ics_method,
                appointment_id, sequence, status, next_attempt_at, not_after, created_at)
            select m.* from (values\s""";
    private static final String CONFIRM_TAIL = """
            ) as m where exists (select 1 from settled)
            on conflict (idempotency_key) do nothing""";

    private final JdbcTemplate jdbc;
    private final OptionalBean<JavaMailSender> mailSender;
    private final Clock clock;

    OutboxWriter(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mailSender, Clock clock) {
        this.jdbc = jdbc;
        this.mailSender = new OptionalBean<>(mailSender);
        this.clock = clock;
    }

    /** Whether a mail server is configured; without one, messages are captured instead of sent. */
    boolean deliveryConfigured() {
        return mailSender.get() != null;
    }

    @Contract("null -> false")
    static boolean isAddress(@Nullable String email) {
        return email != null && ADDRESS.matcher(email.strip()).matches();
    }

    /** The recipient as it goes into keys: the same person whatever the case of their address. */
    static String keyPart(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** A key part made from what must not stand in a key as it is (a private link): its SHA-256, in hex. */
    static String keyHash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Returns false when a message with this key already exists or the address is unusable. */
    boolean enqueue(OutgoingEmail email) {
        if (!isAddress(email.recipient())) {
            // the address itself is personal data, so only the key's subject part is logged
            log.warn("Not queuing {} email: unusable address (key {})", email.kind(),
                    email.idempotencyKey().split("/")[0]);
            return false;
        }
        Instant now = clock.instant();
        Instant due = email.dueAt() == null ? now : email.dueAt();
        OutboxStatus status = deliveryConfigured() ? OutboxStatus.PENDING : OutboxStatus.CAPTURED;
        int inserted = jdbc.update("""
                insert into outbox_message (idempotency_key, kind, recipient, subject, body_text, ics, ics_method,
                    appointment_id, sequence, status, next_attempt_at, not_after, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (idempotency_key) do nothing""",
                email.idempotencyKey(), email.kind().name(), email.recipient().strip(),
                truncate(email.subject(), SUBJECT_MAX), email.body(), email.ics(), email.icsMethod(),
                email.appointmentId(), email.sequence(), status.name(), Timestamp.from(due),
                email.notAfter() == null ? null : Timestamp.from(email.notAfter()), Timestamp.from(now));
        return inserted == 1;
    }

    /**
     * Queues many at once, one batched statement (the day's measure links): the same rules as {@link #enqueue}, and
     * for each email whether it was queued, in order.
     */
    boolean[] enqueueAll(java.util.List<OutgoingEmail> emails) {
        boolean[] queued = new boolean[emails.size()];
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        java.util.List<Integer> positions = new java.util.ArrayList<>();
        Instant now = clock.instant();
        OutboxStatus status = deliveryConfigured() ? OutboxStatus.PENDING : OutboxStatus.CAPTURED;
        for (int i = 0; i < emails.size(); i++) {
            OutgoingEmail email = emails.get(i);
            if (!isAddress(email.recipient())) {
                log.warn("Not queuing {} email: unusable address (key {})", email.kind(),
                        email.idempotencyKey().split("/")[0]);
                continue;
            }
            Instant due = email.dueAt() == null ? now : email.dueAt();
            rows.add(new Object[] {email.idempotencyKey(), email.kind().name(), email.recipient().strip(),
                    truncate(email.subject(), SUBJECT_MAX), email.body(), email.ics(), email.icsMethod(),
                    email.appointmentId(), email.sequence(), status.name(), Timestamp.from(due),
                    email.notAfter() == null ? null : Timestamp.from(email.notAfter()), Timestamp.from(now)});
            positions.add(i);
        }
        if (rows.isEmpty()) {
            return queued;
        }
        int[] counts = jdbc.batchUpdate("""
                insert into outbox_message (idempotency_key, kind, recipient, subject, body_text, ics, ics_method,
                    appointment_id, sequence, status, next_attempt_at, not_after, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (idempotency_key) do nothing""", rows);
        for (int i = 0; i < counts.length; i++) {
            // the driver may report "done, count unknown" (-2) for a batched row: only 0 means it was already there
            queued[positions.get(i)] = counts[i] != 0;
        }
        return queued;
    }

    /**
     * Writes a booking's confirmation emails and settles the confirmation owed for that version of the session
     * ({@code booking_confirmation}), in one statement: nothing is written when it was settled already (by the sweep,
     * or another instance), and a repeated key adds nothing. Returns how many emails were written.
     */
    int confirm(long appointmentId, int sequence, java.util.List<OutgoingEmail> emails) {
        if (emails.isEmpty()) {
            jdbc.update("delete from booking_confirmation where appointment_id = ? and sequence = ?", appointmentId,
                    sequence);
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String status = (deliveryConfigured() ? OutboxStatus.PENDING : OutboxStatus.CAPTURED).name();
        java.util.List<Object> args = new java.util.ArrayList<>(java.util.List.of(appointmentId, sequence));
        java.util.StringJoiner values = new java.util.StringJoiner(", ");
        for (OutgoingEmail email : emails) {
            values.add("(?, ?, ?, ?, ?, ?, ?, ?::bigint, ?::int, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz)");
            args.addAll(java.util.Arrays.asList(email.idempotencyKey(), email.kind().name(), email.recipient().strip(),
                    truncate(email.subject(), SUBJECT_MAX), email.body(), email.ics(), email.icsMethod(),
                    email.appointmentId(), email.sequence(), status,
                    email.dueAt() == null ? now : Timestamp.from(email.dueAt()),
                    email.notAfter() == null ? null : Timestamp.from(email.notAfter()), now));
        }
        // concatenated, not formatted: the Formatter's parse of this text was 3 % of a booking's Java time
        return jdbc.update(CONFIRM_HEAD + values + CONFIRM_TAIL, args.toArray());
    }

    /** Reminders not yet out for an appointment that moved or was cancelled: a fresh one follows if due. */
    int withdrawReminders(long appointmentId) {
        return jdbc.update("""
                update outbox_message set status = 'WITHDRAWN', last_error = 'The session moved or was cancelled'
                 where appointment_id = ? and kind = 'REMINDER'
                   and (status = 'PENDING' or (status = 'CAPTURED' and next_attempt_at > ?))""",
                appointmentId, Timestamp.from(clock.instant()));
    }

    /** Whether this recipient got the booking or change for this version of the session after the given time. */
    boolean toldAboutSince(long appointmentId, int sequence, String recipient, Instant since) {
        Boolean told = jdbc.queryForObject("""
                select exists (select 1 from outbox_message
                                where appointment_id = ? and sequence = ? and kind in ('BOOKED', 'CHANGED')
                                  and lower(recipient) = ? and created_at > ?)""",
                Boolean.class, appointmentId, sequence, keyPart(recipient), Timestamp.from(since));
        return Boolean.TRUE.equals(told);
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
