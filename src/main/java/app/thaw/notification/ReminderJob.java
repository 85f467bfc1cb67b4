package app.thaw.notification;

import app.thaw.scheduling.UpcomingSessions;
import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.thaw.security.SystemActor;

/**
 * Queues reminders for sessions entering the reminder window. Every instance may run it: the outbox's
 * unique key lets only one reminder per session version through. Idle until scheduling provides
 * {@link UpcomingSessions}.
 */
@Component
class ReminderJob {

    private final ObjectProvider<UpcomingSessions> diary;
    private final AppointmentEmails emails;
    private final Clock clock;

    ReminderJob(ObjectProvider<UpcomingSessions> diary, AppointmentEmails emails, Clock clock) {
        this.diary = diary;
        this.emails = emails;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${thaw.mail.reminder-interval:5m}",
            initialDelayString = "${thaw.mail.reminder-interval:5m}")
    public void run() {
        UpcomingSessions sessions = diary.getIfAvailable();
        if (sessions != null) {
            queueDue(sessions, clock.instant());
        }
    }

    /** Returns how many reminders were queued; the diary is passed in so tests can bring their own. */
    int queueDue(UpcomingSessions sessions, Instant now) {
        return SystemActor.call(() -> sessions.startingBetween(now, now.plus(emails.longestReminder())).stream()
                .mapToInt(notice -> emails.remind(notice, now)).sum());
    }
}
