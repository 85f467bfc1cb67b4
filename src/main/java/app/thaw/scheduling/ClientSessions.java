package app.thaw.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.PracticeTime;
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

    private static final DateTimeFormatter WHEN = PracticeTime.WEEKDAY_AT;
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
    private final ClientMoves moves;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ClientSessions(AppointmentRepository appointments, AppointmentRequestRepository requests, SessionViews views,
                   AuditLog auditLog, CaseAccess access, DiaryCare care, RequestClosing closing,
                   ApplicationEventPublisher events,
                   PracticeSettings settings, ClientMoves moves, TransactionTemplate transactions, Clock clock) {
        this.appointments = appointments;
        this.requests = requests;
        this.views = views;
        this.auditLog = auditLog;
        this.access = access;
        this.care = care;
        this.closing = closing;
        this.events = events;
        this.settings = settings;
        this.moves = moves;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    @PermitAll
    @Transactional(readOnly = true)
    public ClientDiary diaryOf(VerifiedClient client) {
        long intakeId = client.intakeId();
        Instant now = clock.instant();
        Duration noticePeriod = settings.current().clientNotice();
        var all = appointments.findForIntake(intakeId);
        var mine = all.stream()
                .filter(a -> a.isToCome(now)).toList();
        int earlier = (int) all.stream()
                .filter(a -> a.getState() != AppointmentState.CANCELLED && !a.getStartsAt().isAfter(now)).count();
        Set<Long> askedByMe = mine.isEmpty() ? Set.of()
                : requests.findOpenRequestAppointmentIdsBy(intakeId, mine.stream().map(Appointment::getId).toList());
        // the client holds no staff role: the practice reads its own diary on their behalf
        var sessions = SystemActor.call(() -> views.of(mine)).stream().map(view -> {
            boolean joint = view.partnerIntakeId() != null;
            boolean late = !cancellable(view.start().toInstant(), now, noticePeriod);
            return new Session(view.id(), view.start(), view.end(), view.typeLabel(),
                    view.format() == SessionFormat.ONLINE
                            ? views.meetingLink(view).map(link -> "Online, join at " + link)
                                    .orElse("Online. " + MeetingLinks.LINK_TO_FOLLOW)
                            : inPerson(view.roomName()),
                    view.therapistName(), !joint, askedByMe.contains(view.id()), joint, !joint && !late, late);
        }).toList();
        boolean withPartner = all.stream()
                .anyMatch(a -> a.getPartnerIntakeId() != null && a.getState() != AppointmentState.CANCELLED);
        return new ClientDiary(sessions, earlier, withPartner);
    }

    /** The room and the practice's address, so the client knows where to go. */
    private String inPerson(@Nullable String roomName) {
        var address = settings.current().addressLines();
        return "In person, " + roomName + (address.isEmpty() ? "" : ", " + String.join(", ", address));
    }

    /**
     * A session with a partner is never cancelled from one partner's page: it becomes a request, so the practice
     * speaks to each partner and neither learns from an email what the other asked. Asking again what is already asked
     * (a double tap, a second tab) adds nothing: the open request stands and the answer is the same.
     */
    @Override
    @PermitAll
    public String requestChange(VerifiedClient client, long appointmentId, boolean cancel, @Nullable String message) {
        try {
            return Objects.requireNonNull(transactions.execute(status -> change(client, appointmentId, cancel,
                    message)));
        } catch (DataIntegrityViolationException twice) {
            // the same request in the same moment: the database kept the other one, which this one now finds
            return Objects.requireNonNull(transactions.execute(status -> change(client, appointmentId, cancel,
                    message)));
        }
    }

    private String change(VerifiedClient client, long appointmentId, boolean cancel, @Nullable String message) {
        long intakeId = client.intakeId();
        Instant now = clock.instant();
        // a session that has begun is past asking about: left booked without its outcome, it may be a closed case's
        // locked: a cancellation decides on the state it reads, and a move on another screen waits for it
        Appointment appointment = appointments.findForChange(appointmentId)
                .filter(a -> a.getIntakeId() == intakeId || Long.valueOf(intakeId).equals(a.getPartnerIntakeId()))
                .filter(a -> a.getState() == AppointmentState.BOOKED && a.getStartsAt().isAfter(now))
                .orElseThrow(() -> new IllegalArgumentException("We couldn't find that session."));
        String text = message == null || message.isBlank() ? null : message.strip();
        if (!StorableText.isStorable(text)) {
            throw new IllegalArgumentException(StorableText.REFUSAL);
        }
        if (text != null && text.codePointCount(0, text.length()) > AppointmentRequest.MESSAGE_MAX) {
            throw new IllegalArgumentException("Please shorten your message to " + AppointmentRequest.MESSAGE_MAX
                    + " characters or fewer — it has " + text.codePointCount(0, text.length()) + ".");
        }
        Duration noticePeriod = settings.current().clientNotice();
        String when = WHEN.format(appointment.getStartsAt().atZone(Application.PRACTICE_ZONE));
        boolean joint = appointment.getPartnerIntakeId() != null;
        boolean late = !cancellable(appointment.getStartsAt(), now, noticePeriod);
        if (cancel && !joint) {
            appointment.cancelByClient(text == null ? "Cancelled by the client online" : text,
                    late ? Appointment.CancelKind.LATE : Appointment.CancelKind.ON_TIME, now);
            AppointmentNotice notice = SystemActor.call(() -> views.notice(appointment));
            SystemActor.run(() -> {
                events.publishEvent(new AppointmentCancelled(notice, true));
                CaseGrant grant = access.require(appointment.getIntakeId(), CaseOperation.READ_BOOKING_DETAILS);
                care.changed(grant, appointment, CareEventKind.SESSION_CANCELLED, now);
                closing.cancelled(grant, appointmentId, null);
                auditLog.record(AuditAction.SESSION_CANCELLED, intakeId, referenceOf(intakeId),
                        late ? "By the client online, late (inside the notice period)" : "By the client online");
            });
            // no address means the client said email isn't safe: nothing was sent, so nothing is claimed
            boolean emailed = notice.recipients().stream().anyMatch(to -> to.email() != null);
            return "Your session on " + when + " is cancelled" + (late ? " as a late cancellation." : ".")
                    + (emailed ? " We've emailed you to confirm." : "");
        }
        if (!requests.hasOpen(appointmentId, intakeId, AppointmentRequest.kind(cancel))) {
            var request = new AppointmentRequest(appointmentId, intakeId, cancel, text, now);
            request.markLate(late);
            requests.save(request);
            SystemActor.run(() -> auditLog.record(AuditAction.CLIENT_REQUEST, intakeId, referenceOf(intakeId),
                    (cancel ? "Asked to cancel" : "Asked to rearrange") + (late ? ", inside the notice period" : "")));
        }
        if (joint) {
            return "We've passed your request about the session on " + when + " to the practice. They'll contact "
                    + "you, the way you said is safe, before anything changes.";
        }
        return "We've passed your request to rearrange the session on " + when + " to the practice. "
                + "They'll contact you with new times."
                + (late ? " It is less than " + noticePeriod.toHours() + " hours away, so if it can't be moved it "
                        + "may count as a late cancellation." : "");
    }

    @Override
    @PermitAll
    public List<FreeTime> freeTimes(VerifiedClient client, long appointmentId, java.time.@Nullable LocalDate from) {
        return moves.freeTimes(client, appointmentId, from);
    }

    @Override
    @PermitAll
    public Change moveTo(VerifiedClient client, long appointmentId, java.time.ZonedDateTime newStart) {
        return moves.moveTo(client, appointmentId, newStart);
    }

    /** What came of this client's requests in the last 30 days, newest first; open ones say they are waiting. */
    @Override
    @PermitAll
    @Transactional(readOnly = true)
    public List<RequestUpdate> requestUpdates(VerifiedClient client) {
        Instant since = clock.instant().minus(UPDATES_FOR);
        Map<Long, Appointment> mine = appointments.findForIntake(client.intakeId()).stream()
                .collect(Collectors.toMap(Appointment::getId, Function.identity()));
        if (mine.isEmpty()) {
            return List.of();
        }
        List<RequestUpdate> updates = new ArrayList<>();
        for (AppointmentRequest request : requests.findByAppointmentIdInOrderByCreatedAtDesc(mine.keySet())) {
            if (!Long.valueOf(client.intakeId()).equals(request.getRequestedByIntakeId())) {
                continue; // a partner's request on a joint session is theirs alone
            }
            Instant closed = request.getHandledAt();
            if (closed != null && closed.isBefore(since) || "DUPLICATE".equals(request.getResolution())) {
                continue; // a double tap's second copy was never a request of its own
            }
            Appointment session = Objects.requireNonNull(mine.get(request.getAppointmentId()),
                    "asked about my session");
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
            // a session moved as asked and cancelled since is not "now on" anything
            case "MOVED" -> session.getState() == AppointmentState.CANCELLED
                    ? asked + ": it was moved as you asked, and has since been cancelled."
                    : asked + ": done — it " + (session.getState() == AppointmentState.BOOKED ? "is now on "
                            : "was moved to ") + when + ".";
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
