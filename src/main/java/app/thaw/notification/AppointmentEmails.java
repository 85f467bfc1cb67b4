package app.thaw.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.thaw.base.OptionalBean;
import app.thaw.base.PracticeSettings;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.ClientEmailLinks;
import app.thaw.scheduling.AppointmentCancelled;
import app.thaw.scheduling.AppointmentNotice;
import app.thaw.scheduling.AppointmentRescheduled;
import app.thaw.scheduling.SeriesBooked;
import app.thaw.security.SystemActor;

/**
 * Turns diary events into outbox rows. A booking's confirmation is rendered after the booking commits
 * ({@link BookingConfirmations}); the other listeners run inside the change's own transaction, so the email is queued
 * exactly when the change commits and vanishes if it rolls back.
 */
@Component
class AppointmentEmails {

    private static final Logger log = LoggerFactory.getLogger(AppointmentEmails.class);
    private final OutboxWriter outbox;
    private final EmailTemplates templates;
    private final PracticeSettings practice;
    private final OptionalBean<ClientEmailLinks> links;
    private final CaseAccess access;
    private final Clock clock;

    AppointmentEmails(OutboxWriter outbox, EmailTemplates templates, PracticeSettings practice,
                      ObjectProvider<ClientEmailLinks> links, CaseAccess access, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.practice = practice;
        this.links = new OptionalBean<>(links);
        this.access = access;
        this.clock = clock;
    }

    /**
     * A booking's confirmation for each client who may be emailed, with its calendar file; {@code links} are the
     * clients' status links, in the order of the notice's recipients ({@link #statusLinks}). Rendered after the
     * booking commits ({@link BookingConfirmations}). {@code chosenBy}: the client who chose the time from an offer, so
     * their partner is told it was their partner's choice.
     */
    List<OutgoingEmail> confirmation(AppointmentNotice notice, List<@Nullable String> links,
                                     @Nullable Long chosenBy) {
        List<OutgoingEmail> emails = new java.util.ArrayList<>(notice.recipients().size());
        for (int i = 0; i < notice.recipients().size(); i++) {
            var to = notice.recipients().get(i);
            if (mayEmail(EmailKind.BOOKED, notice, to)) {
                boolean partnerChose = chosenBy != null && to.intakeId() != null && !chosenBy.equals(to.intakeId());
                emails.add(email(EmailKind.BOOKED, notice, to, templates.booked(notice, to, links.get(i),
                        partnerChose), IcsCalendars.REQUEST));
            }
        }
        return emails;
    }

    /** Whether a booking's confirmation goes to anyone; when not, a client's unusable address is logged. */
    boolean confirms(AppointmentNotice notice) {
        if (notice.recipients().stream().anyMatch(to -> mayEmail(null, notice, to))) {
            return true;
        }
        notice.recipients().forEach(to -> mayEmail(EmailKind.BOOKED, notice, to));
        return false;
    }

    /** Each recipient's status link (null where there is none to give), read as the practice's background work. */
    List<@Nullable String> statusLinks(AppointmentNotice notice) {
        List<@Nullable String> links = new java.util.ArrayList<>(notice.recipients().size());
        SystemActor.run(() -> notice.recipients().forEach(to -> links.add(mayEmail(null, notice, to) ? statusLink(to)
                : null)));
        return links;
    }

    /** One email per client for a whole series: every date in the text, every session in one calendar file. */
    @EventListener
    public void on(SeriesBooked series) {
        AppointmentNotice first = series.sessions().getFirst();
        for (var to : first.recipients()) {
            if (to.email() == null) {
                continue; // the client said email is not safe: their status page shows the sessions
            }
            if (!OutboxWriter.isAddress(to.email())) {
                log.warn("No series email for appointment {}: a client has no usable address", first.appointmentId());
                continue;
            }
            var text = templates.series(series.sessions(), to, statusLink(to));
            String ics = IcsCalendars.series(series, to,
                    templates.place(first.format(), first.roomName()), practice.profile(), clock.instant());
            outbox.enqueue(new OutgoingEmail("series-" + series.seriesId() + "/" + EmailKind.BOOKED.name() + "/"
                    + OutboxWriter.keyPart(to.email()), EmailKind.BOOKED, to.email(), text.subject(), text.body(), ics,
                    IcsCalendars.REQUEST, first.appointmentId(), first.sequence(), null, null));
        }
    }

    @EventListener
    public void on(AppointmentRescheduled moved) {
        AppointmentNotice notice = moved.notice();
        outbox.withdrawReminders(notice.appointmentId());
        for (var to : notice.recipients()) {
            queue(EmailKind.CHANGED, notice, to, templates.changed(notice, to, moved.previousStart(), statusLink(to)),
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
     * Queues the reminders due for each client of a session, once per reminder time (Practice details) and version
     * of it. A client told about this version inside a reminder's window (booked or moved at short notice) gets none.
     */
    int remind(AppointmentNotice notice, Instant now) {
        Instant start = notice.start().toInstant();
        List<Duration> leads = practice.current().reminderLeads();
        int queued = 0;
        for (Duration lead : leads) {
            Instant windowOpens = start.minus(lead);
            if (now.isBefore(windowOpens)) {
                continue;
            }
            for (var to : notice.recipients()) {
                if (OutboxWriter.isAddress(to.email())
                        && !outbox.toldAboutSince(notice.appointmentId(), notice.sequence(), to.email(), windowOpens)) {
                    var text = templates.reminder(notice, to, statusLink(to));
                    String key = key(EmailKind.REMINDER, notice, to) + (lead.equals(leads.getFirst()) ? ""
                            : "/" + lead.toHours() + "h");
                    queued += outbox.enqueue(new OutgoingEmail(key, EmailKind.REMINDER, to.email(), text.subject(),
                            text.body(), null, null, notice.appointmentId(), notice.sequence(), null, start)) ? 1 : 0;
                }
            }
        }
        return queued;
    }

    /** The longest reminder time: how far ahead the reminder job looks. */
    Duration longestReminder() {
        return practice.current().reminderLeads().stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** The client's private page, when the intake feature can give it and the client said email is safe. */
    private @Nullable String statusLink(AppointmentNotice.Recipient to) {
        ClientEmailLinks source = links.get();
        if (source == null || to.intakeId() == null) {
            return null;
        }
        return access.check(to.intakeId(), CaseOperation.READ_BOOKING_DETAILS)
                .flatMap(source::statusLinkForEmail).orElse(null);
    }

    private void queue(EmailKind kind, AppointmentNotice notice, AppointmentNotice.Recipient to,
                       EmailTemplates.Rendered text, String icsMethod) {
        if (mayEmail(kind, notice, to)) {
            outbox.enqueue(email(kind, notice, to, text, icsMethod));
        }
    }

    /** Whether this client gets emails about the session; {@code kind} names the email in the log, when given. */
    private static boolean mayEmail(@Nullable EmailKind kind, AppointmentNotice notice,
                                    AppointmentNotice.Recipient to) {
        if (to.email() == null) {
            return false; // the client said email is not safe: their status page shows the session
        }
        if (!OutboxWriter.isAddress(to.email())) {
            if (kind != null) {
                log.warn("No {} email for appointment {}: a client has no usable address", kind,
                        notice.appointmentId());
            }
            return false;
        }
        return true;
    }

    private OutgoingEmail email(EmailKind kind, AppointmentNotice notice, AppointmentNotice.Recipient to,
                                EmailTemplates.Rendered text, String icsMethod) {
        String ics = IcsCalendars.invitation(icsMethod, notice, to,
                templates.place(notice), practice.profile(), clock.instant());
        return new OutgoingEmail(key(kind, notice, to), kind, to.address(), text.subject(), text.body(), ics,
                icsMethod, notice.appointmentId(), notice.sequence(), null, null);
    }

    /** One email per appointment, kind, version and client, whichever instance handles it. */
    static String key(EmailKind kind, AppointmentNotice notice, AppointmentNotice.Recipient to) {
        return "appointment-" + notice.appointmentId() + "/" + kind.name() + "/" + notice.sequence() + "/"
                + OutboxWriter.keyPart(to.address());
    }
}
