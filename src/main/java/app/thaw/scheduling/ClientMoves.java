package app.thaw.scheduling;

import app.thaw.base.PracticeTime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.Application;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.PracticeSettings;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.SafetyGateRefused;
import app.thaw.intake.ClientAppointments;
import app.thaw.intake.VerifiedClient;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.security.SystemActor;

/**
 * A client moving their own session from their status page, outside the notice period and never a joint session. The
 * free times are the therapist's own (hours, time away, closed days and bank holidays, rooms, sessions and held times),
 * never today unless the case is urgent; the chosen time is checked against them again, the safety gates run in the
 * move's transaction and the diary's claims let exactly one of two rivals for a time through.
 */
@Component
class ClientMoves {

    static final String GONE = "Sorry, that time has just been taken or is no longer free. Please choose another "
            + "time below.";
    static final String NOT_FOUND = "We couldn't find that session.";
    static final String CHANGED = "This session was changed by the practice a moment ago, so it hasn't been moved. "
            + "Please look at it again.";
    static final String TALK_FIRST = "Before this session can move, your therapist would like to speak with you. "
            + "Please ask the practice to rearrange it instead.";
    private static final DateTimeFormatter WHEN = PracticeTime.WEEKDAY_AT;
    private static final DateTimeFormatter AUDIT = PracticeTime.DAY_TIME;
    /** How far the list reaches from the day the client asks to see. */
    static final int DAYS_SHOWN = 14;
    private static final int MAX_TIMES = 40;

    private final AppointmentRepository appointments;
    private final FreeSlotService free;
    private final SessionViews views;
    private final BookingChecks checks;
    private final RequestClosing requests;
    private final CaseAccess access;
    private final AuditLog auditLog;
    private final PracticeSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ClientMoves(AppointmentRepository appointments, FreeSlotService free, SessionViews views, BookingChecks checks,
                RequestClosing requests, CaseAccess access, AuditLog auditLog, PracticeSettings settings,
                ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.appointments = appointments;
        this.free = free;
        this.views = views;
        this.checks = checks;
        this.requests = requests;
        this.access = access;
        this.auditLog = auditLog;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether the client may move this session themselves: their own, booked, not joint, outside the notice. */
    boolean movable(Appointment appointment, Instant now) {
        return appointment.getState() == AppointmentState.BOOKED && appointment.getPartnerIntakeId() == null
                && !Duration.between(now, appointment.getStartsAt()).minus(settings.current().clientNotice())
                        .isNegative();
    }

    List<ClientAppointments.FreeTime> freeTimes(VerifiedClient client, long appointmentId, @Nullable LocalDate from) {
        Instant now = clock.instant();
        return own(client, appointmentId).filter(a -> movable(a, now))
                .map(a -> SystemActor.call(() -> slots(a, from, now)).stream()
                        .map(slot -> new ClientAppointments.FreeTime(slot.start(), slot.end(),
                                a.getFormat() == SessionFormat.ONLINE ? "Online" : "In person, " + slot.roomName()))
                        .toList())
                .orElse(List.of());
    }

    ClientAppointments.Change moveTo(VerifiedClient client, long appointmentId, ZonedDateTime newStart) {
        Instant now = clock.instant();
        Appointment appointment = own(client, appointmentId).orElse(null);
        if (appointment == null || appointment.getState() != AppointmentState.BOOKED) {
            return new ClientAppointments.Change(false, NOT_FOUND);
        }
        if (!movable(appointment, now)) {
            return new ClientAppointments.Change(false, appointment.getPartnerIntakeId() != null
                    ? "A session with your partner is rearranged by the practice: please ask them to rearrange it."
                    : "This session is less than " + settings.current().clientNotice().toHours() + " hours away, so "
                            + "it can't be moved online. Please ask the practice to rearrange it.");
        }
        LocalDate day = newStart.withZoneSameInstant(Application.PRACTICE_ZONE).toLocalDate();
        // the chosen time must still be one of the free times: this also stops a forged or stale choice
        SlotSuggestion slot = SystemActor.call(() -> slots(appointment, day, now)).stream()
                .filter(t -> t.start().toInstant().equals(newStart.toInstant())).findFirst().orElse(null);
        if (slot == null) {
            return new ClientAppointments.Change(false, GONE);
        }
        try {
            ZonedDateTime previous = SystemActor.call(() -> BookingChecks.retryingDeadlocks(
                    () -> transactions.execute(status -> move(client, appointment, slot, now))));
            return new ClientAppointments.Change(true, "Your session has moved from " + WHEN.format(previous)
                    + " to " + WHEN.format(slot.start()) + ". We'll send a confirmation the way you asked us to "
                    + "contact you.");
        } catch (SafetyGateRefused gate) {
            return new ClientAppointments.Change(false, TALK_FIRST);
        } catch (CaseNotFound gone) {
            return new ClientAppointments.Change(false, NOT_FOUND);
        } catch (IllegalStateException changed) {
            return new ClientAppointments.Change(false, CHANGED);
        } catch (DataIntegrityViolationException taken) {
            // staff or another client took the time in the same moment: the diary's claim let them through first
            return new ClientAppointments.Change(false, GONE);
        }
    }

    /**
     * The move itself, on the session as locked now: the free times were found for {@code seen}, so a session the
     * practice cancelled, moved or gave to another therapist since is left as it now is.
     */
    private ZonedDateTime move(VerifiedClient client, Appointment seen, SlotSuggestion slot, Instant now) {
        long appointmentId = seen.getId();
        Appointment appointment = appointments.findForChange(appointmentId)
                .filter(a -> a.getIntakeId() == client.intakeId())
                .filter(a -> a.getVersion() == seen.getVersion() && movable(a, now))
                .orElseThrow(() -> new IllegalStateException("changed since the client chose the time"));
        CaseGrant grant = access.require(appointment.getIntakeId(), CaseOperation.BOOK_SESSION);
        checks.requireBookable(List.of(grant));
        ZonedDateTime previous = appointment.getStartsAt().atZone(Application.PRACTICE_ZONE);
        appointment.moveTo(slot.start().toInstant(), slot.end().toInstant(), slot.roomId());
        appointments.saveAndFlush(appointment);
        events.publishEvent(new AppointmentRescheduled(views.notice(appointment), previous));
        requests.moved(grant, appointmentId, null);
        auditLog.record(AuditAction.SESSION_CHANGED, grant.intakeId(), grant.reference(), "Moved by the client "
                + "online from " + AUDIT.format(previous) + " to " + AUDIT.format(slot.start()));
        return previous;
    }

    /** Free times for the session's therapist, kind and length, from the day asked (not before tomorrow unless urgent). */
    private List<SlotSuggestion> slots(Appointment appointment, @Nullable LocalDate from, Instant now) {
        LocalDate today = now.atZone(Application.PRACTICE_ZONE).toLocalDate();
        boolean urgent = access.check(appointment.getIntakeId(), CaseOperation.READ_BOOKING_DETAILS)
                .map(grant -> grant.facts().urgent()).orElse(false);
        LocalDate earliest = urgent ? today : today.plusDays(1);
        LocalDate first = from == null || from.isBefore(earliest) ? earliest : from;
        Instant notBefore = first.equals(today) ? now : first.atStartOfDay(Application.PRACTICE_ZONE).toInstant();
        Duration length = Duration.between(appointment.getStartsAt(), appointment.getEndsAt());
        return free.freeIn(appointment.getTherapistId(), length, appointment.getFormat(),
                appointment.getFormat() == SessionFormat.IN_PERSON ? appointment.getRoomId() : null, notBefore,
                first.plusDays(DAYS_SHOWN - 1L), List.of(), MAX_TIMES);
    }

    private Optional<Appointment> own(VerifiedClient client, long appointmentId) {
        long intakeId = client.intakeId();
        return appointments.findById(appointmentId)
                .filter(a -> a.getIntakeId() == intakeId || Long.valueOf(intakeId).equals(a.getPartnerIntakeId()));
    }
}
