package app.thaw.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.scheduling.AppointmentBooked;
import app.thaw.scheduling.AppointmentNotice;
import app.thaw.scheduling.SessionNotices;
import app.thaw.security.SystemActor;

/**
 * A booked session's confirmation (email text and {@code .ics} per client), rendered after the booking commits. The
 * booking's transaction records only that a confirmation is owed ({@code booking_confirmation}: the session and its
 * version, nothing personal) and reads the clients' status links; just after the commit the emails are rendered and
 * written, with the debt settled, in one statement outside any transaction. A confirmation still owed a minute later
 * was lost to a crash, and the sweep renders it from the diary. Exactly one per client: the debt is settled once, and
 * the outbox key refuses a second row. A session whose clients all said email is not safe owes nothing.
 */
@Component
class BookingConfirmations {

    private static final Logger log = LoggerFactory.getLogger(BookingConfirmations.class);
    /** Rendering takes milliseconds after the commit: a confirmation owed for longer was lost to a crash. */
    static final Duration LOST_AFTER = Duration.ofMinutes(1);
    private static final int SWEEP_BATCH = 100;

    private final AppointmentEmails emails;
    private final OutboxWriter outbox;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<SessionNotices> diary;
    private final TransactionTemplate outside;
    private final TransactionTemplate inside;
    private final Clock clock;

    BookingConfirmations(AppointmentEmails emails, OutboxWriter outbox, JdbcTemplate jdbc,
                         ObjectProvider<SessionNotices> diary, PlatformTransactionManager transactions, Clock clock) {
        this.emails = emails;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.diary = diary;
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.inside = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @EventListener
    public void on(AppointmentBooked booked) {
        if (booked.partOfSeries()) {
            // told once for the whole series (SeriesBooked)
            return;
        }
        AppointmentNotice notice = booked.notice();
        if (!emails.confirms(notice)) {
            return; // nobody to email (their status pages show the session): nothing owed, nothing after the commit
        }
        List<@Nullable String> links = emails.statusLinks(notice);
        Long chosenBy = booked.chosenBy();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            owe(notice);
            write(notice, links, chosenBy);
            return;
        }
        owe(notice);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // the booking's connection is still bound here: the emails go through another, in autocommit
                try {
                    outside.executeWithoutResult(status -> write(notice, links, chosenBy));
                } catch (RuntimeException later) {
                    log.warn("The confirmation of appointment {} is left to the sweep", notice.appointmentId(), later);
                }
            }
        });
    }

    private void owe(AppointmentNotice notice) {
        jdbc.update("""
                insert into booking_confirmation (appointment_id, sequence, created_at) values (?, ?, ?)
                on conflict do nothing""", notice.appointmentId(), notice.sequence(), Timestamp.from(clock.instant()));
    }

    /** {@code chosenBy}: who chose the time from an offer; the sweep no longer knows, and says only that it is booked. */
    private int write(AppointmentNotice notice, List<@Nullable String> links, @Nullable Long chosenBy) {
        return outbox.confirm(notice.appointmentId(), notice.sequence(), emails.confirmation(notice, links,
                chosenBy));
    }

    @Scheduled(fixedDelayString = "${thaw.mail.confirmation-sweep:60s}",
            initialDelayString = "${thaw.mail.confirmation-sweep:60s}")
    public void sweep() {
        SessionNotices sessions = diary.getIfAvailable();
        if (sessions != null) {
            SystemActor.run(() -> sweep(sessions, clock.instant()));
        }
    }

    /**
     * Renders the confirmations owed since before {@code now} less {@link #LOST_AFTER}, locked so another instance
     * skips them; one for a session since cancelled or changed is dropped (its change tells the clients). Returns how
     * many emails were written.
     */
    int sweep(SessionNotices sessions, Instant now) {
        Integer written = inside.execute(status -> {
            List<long[]> owed = jdbc.query("""
                    select appointment_id, sequence from booking_confirmation where created_at < ?
                     order by created_at limit ? for update skip locked""",
                    (rs, i) -> new long[] {rs.getLong(1), rs.getInt(2)}, Timestamp.from(now.minus(LOST_AFTER)),
                    SWEEP_BATCH);
            if (owed.isEmpty()) {
                return 0;
            }
            Map<Long, AppointmentNotice> notices = sessions.booked(owed.stream().map(o -> o[0]).toList()).stream()
                    .collect(Collectors.toMap(AppointmentNotice::appointmentId, Function.identity()));
            int count = 0;
            for (long[] one : owed) {
                AppointmentNotice notice = notices.get(one[0]);
                count += notice != null && notice.sequence() == one[1] ? write(notice, emails.statusLinks(notice), null)
                        : outbox.confirm(one[0], (int) one[1], List.of());
            }
            return count;
        });
        return written == null ? 0 : written;
    }
}
