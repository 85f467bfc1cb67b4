package app.thaw.notification;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.thaw.base.PracticeProfile;
import app.thaw.scheduling.AppointmentBooked;
import app.thaw.scheduling.AppointmentCancelled;
import app.thaw.scheduling.AppointmentNotice;
import app.thaw.scheduling.AppointmentRescheduled;

/**
 * Turns diary events into outbox rows. Plain synchronous listeners: they run inside the booking's own
 * transaction, so the email is queued exactly when the booking commits and vanishes if it rolls back.
 */
@Component
class AppointmentEmails {

    private static final Logger log = LoggerFactory.getLogger(AppointmentEmails.class);
    private final OutboxWriter outbox;
    private final EmailTemplates templates;
    private final PracticeProfile practice;
    private final MailSettings settings;
    private final Clock clock;

    AppointmentEmails(OutboxWriter outbox, EmailTemplates templates, PracticeProfile practice, MailSettings settings,
                      Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.practice = practice;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    public void on(AppointmentBooked booked) {
        AppointmentNotice notice = booked.notice();
        for (var to : notice.recipients()) {
            queue(EmailKind.BOOKED, notice, to, templates.booked(notice, to), IcsCalendars.REQUEST);
        }
    }

    @EventListener
    public void on(AppointmentRescheduled moved) {
        AppointmentNotice notice = moved.notice();
        outbox.withdrawReminders(notice.appointmentId());
        for (var to : notice.recipients()) {
            queue(EmailKind.CHANGED, notice, to, templates.changed(notice, to, moved.previousStart()),
                    IcsCalendars.REQUEST);
        }
    }

    /** Whoever cancelled and why stays in the diary: the email only says that it is cancelled. */
    @EventListener
    public void on(AppointmentCancelled cancelled) {
        AppointmentNotice notice = cancelled.notice();
        outbox.withdrawReminders(notice.appointmentId());
        for (var to : notice.recipients()) {
            queue(EmailKind.CANCELLED, notice, to, templates.cancelled(notice, to), IcsCalendars.CANCEL);
        }
    }

    /**
     * Queues the reminder for each client of a session, once per version of it. A client who was told
     * about this version inside the reminder window (booked or moved at short notice) gets none.
     */
    int remind(AppointmentNotice notice) {
        Instant start = notice.start().toInstant();
        Instant windowOpens = start.minus(settings.reminderLead());
        int queued = 0;
        for (var to : notice.recipients()) {
            if (OutboxWriter.isAddress(to.email())
                    && !outbox.toldAboutSince(notice.appointmentId(), notice.sequence(), to.email(), windowOpens)) {
                var text = templates.reminder(notice, to);
                queued += outbox.enqueue(new OutgoingEmail(key(EmailKind.REMINDER, notice, to), EmailKind.REMINDER,
                        to.email(), text.subject(), text.body(), null, null, notice.appointmentId(),
                        notice.sequence(), null, start)) ? 1 : 0;
            }
        }
        return queued;
    }

    private void queue(EmailKind kind, AppointmentNotice notice, AppointmentNotice.Recipient to,
                       EmailTemplates.Rendered text, String icsMethod) {
        if (!OutboxWriter.isAddress(to.email())) {
            log.warn("No {} email for appointment {}: a client has no usable address", kind, notice.appointmentId());
            return;
        }
        String ics = IcsCalendars.invitation(icsMethod, notice, to,
                templates.place(notice.format(), notice.roomName()), practice, clock.instant());
        outbox.enqueue(new OutgoingEmail(key(kind, notice, to), kind, to.email(), text.subject(), text.body(), ics,
                icsMethod, notice.appointmentId(), notice.sequence(), null, null));
    }

    /** One email per appointment, kind, version and client, whichever instance handles it. */
    static String key(EmailKind kind, AppointmentNotice notice, AppointmentNotice.Recipient to) {
        return "appointment-" + notice.appointmentId() + "/" + kind.name() + "/" + notice.sequence() + "/"
                + OutboxWriter.keyPart(to.email());
    }
}
