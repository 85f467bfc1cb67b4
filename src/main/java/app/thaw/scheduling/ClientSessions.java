package app.thaw.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.Application;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.PracticeSettings;
import app.thaw.base.domain.StorableText;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.care.CareEventKind;
import app.thaw.intake.ClientAppointments;
import app.thaw.intake.VerifiedClient;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.scheduling.domain.AppointmentRequest;
import app.thaw.scheduling.domain.AppointmentRequestRepository;
import app.thaw.security.SystemActor;

/**
 * The client's own sessions on their status page. Callers are anonymous: the intake service has already
 * matched the private status token to this intake, and every session is checked to belong to it.
 */
@Component
class ClientSessions implements ClientAppointments {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);
    /** How long the status page keeps saying what came of a request. */
    private static final Duration UPDATES_FOR = Duration.ofDays(30);

    private final AppointmentRepository appointments;
    private final AppointmentRequestRepository requests;
    private final SessionViews views;
    private final AuditLog auditLog;
    private final CaseAccess access;
    private final DiaryCare care;
    private final RequestClosing closing;
    private final ApplicationEventPublisher events;
    private final PracticeSettings settings;
    private final Clock clock;

    ClientSessions(AppointmentRepository appointments, AppointmentRequestRepository requests, SessionViews views,
                   AuditLog auditLog, CaseAccess access, DiaryCare care, RequestClosing closing,
                   ApplicationEventPublisher events,
                   PracticeSettings settings, Clock clock) {
        this.appointments = appointments;
        this.requests = requests;
        this.views = views;
        this.auditLog = auditLog;
        this.access = access;
        this.care = care;
        this.closing = closing;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @PermitAll
    @Transactional(readOnly = true)
    public List<Session> upcoming(VerifiedClient client) {
        long intakeId = client.intakeId();
        Instant now = clock.instant();
        Duration notice = settings.current().clientNotice();
        var mine = appointments.findForIntakes(List.of(intakeId)).stream()
                .filter(a -> a.getState() == AppointmentState.BOOKED && a.getEndsAt().isAfter(now)).toList();
        // the client holds no staff role: the practice reads its own diary on their behalf
        return SystemActor.call(() -> views.of(mine)).stream().map(view -> new Session(view.id(), view.start(),
                view.end(), view.typeLabel(), view.format() == SessionFormat.ONLINE
                        ? views.meetingLink(view).map(link -> "Online, join at " + link).orElse("Online")
                        : inPerson(view.roomName()), view.therapistName(),
                cancellable(view.start().toInstant(), now, notice), view.changeRequested())).toList();
    }

    /** The room and the practice's address, so the client knows where to go. */
    private String inPerson(String roomName) {
        var address = settings.current().addressLines();
        return "In person, " + roomName + (address.isEmpty() ? "" : ", " + String.join(", ", address));
    }

    @Override
    @PermitAll
    @Transactional
    public String requestChange(VerifiedClient client, long appointmentId, boolean cancel, @Nullable String message) {
        long intakeId = client.intakeId();
        Appointment appointment = appointments.findById(appointmentId)
                .filter(a -> a.getIntakeId() == intakeId || Long.valueOf(intakeId).equals(a.getPartnerIntakeId()))
                .filter(a -> a.getState() == AppointmentState.BOOKED)
                .orElseThrow(() -> new IllegalArgumentException("We couldn't find that session."));
        String text = message == null || message.isBlank() ? null : message.strip();
        if (!StorableText.isStorable(text)) {
            throw new IllegalArgumentException(StorableText.REFUSAL);
        }
        if (text != null && text.length() > AppointmentRequest.MESSAGE_MAX) {
            throw new IllegalArgumentException("Please keep your message under " + AppointmentRequest.MESSAGE_MAX
                    + " characters.");
        }
        Instant now = clock.instant();
        Duration notice = settings.current().clientNotice();
        String when = WHEN.format(appointment.getStartsAt().atZone(Application.PRACTICE_ZONE));
        if (cancel && cancellable(appointment.getStartsAt(), now, notice)) {
            appointment.cancel(true, text == null ? "Cancelled by the client online" : text, null, now);
            SystemActor.run(() -> {
                events.publishEvent(new AppointmentCancelled(views.notice(appointment), true));
                CaseGrant grant = access.require(appointment.getIntakeId(), CaseOperation.READ_BOOKING_DETAILS);
                care.changed(grant, appointment, CareEventKind.SESSION_CANCELLED, now);
                closing.cancelled(grant, appointmentId, null);
                auditLog.record(AuditAction.SESSION_CANCELLED, intakeId, referenceOf(intakeId), "By the client online");
            });
            return "Your session on " + when + " is cancelled. We've emailed you to confirm.";
        }
        requests.save(new AppointmentRequest(appointmentId, cancel, text, now));
        SystemActor.run(() -> auditLog.record(AuditAction.CLIENT_REQUEST, intakeId, referenceOf(intakeId),
                cancel ? "Asked to cancel" : "Asked to rearrange"));
        return cancel
                ? "Your session on " + when + " is less than " + notice.toHours() + " hours away, so we've "
                        + "passed your request to the practice. They'll contact you; late cancellations may be charged."
                : "We've passed your request to rearrange the session on " + when + " to the practice. "
                        + "They'll contact you with new times.";
    }

    /** What came of this client's requests in the last 30 days, newest first; open ones say they are waiting. */
    @Override
    @PermitAll
    @Transactional(readOnly = true)
    public List<RequestUpdate> requestUpdates(VerifiedClient client) {
        Instant since = clock.instant().minus(UPDATES_FOR);
        Map<Long, Appointment> mine = appointments.findForIntakes(List.of(client.intakeId())).stream()
                .collect(Collectors.toMap(Appointment::getId, Function.identity()));
        if (mine.isEmpty()) {
            return List.of();
        }
        List<RequestUpdate> updates = new ArrayList<>();
        for (AppointmentRequest request : requests.findByAppointmentIdInOrderByCreatedAtDesc(mine.keySet())) {
            Instant closed = request.getHandledAt();
            if (closed != null && closed.isBefore(since)) {
                continue;
            }
            Appointment session = mine.get(request.getAppointmentId());
            updates.add(new RequestUpdate(describe(request, session), closed == null, request.getCreatedAt()));
        }
        return updates;
    }

    private static String describe(AppointmentRequest request, Appointment session) {
        String asked = "You asked to " + (request.isCancel() ? "cancel" : "rearrange") + " your session";
        String when = WHEN.format(session.getStartsAt().atZone(Application.PRACTICE_ZONE));
        String resolution = request.getResolution();
        if (resolution == null) {
            return asked + " on " + when + ". The practice will contact you.";
        }
        return switch (resolution) {
            case "MOVED" -> asked + ": done — it is now on " + when + ".";
            case "CANCELLED" -> asked + " on " + when + ": done — it is cancelled.";
            default -> asked + " on " + when + ": the practice has dealt with it"
                    + (session.getState() == AppointmentState.CANCELLED ? " — the session is cancelled." : ".");
        };
    }

    private String referenceOf(long intakeId) {
        return access.require(intakeId, CaseOperation.READ_BOOKING_DETAILS).reference();
    }

    private static boolean cancellable(Instant start, Instant now, Duration notice) {
        return Duration.between(now, start).compareTo(notice) >= 0;
    }
}
