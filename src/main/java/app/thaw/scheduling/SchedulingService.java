package app.thaw.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.Application;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.domain.StorableText;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.SafetyGateRefused;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.scheduling.domain.AppointmentType;
import app.thaw.scheduling.domain.AppointmentTypeRepository;
import app.thaw.scheduling.domain.RoomRepository;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;

/**
 * Books, moves, cancels and closes sessions. Every path checks the case-access policy and, for a booking, the
 * clinical safety gates before it writes; every write runs in its own short transaction so an overlap refused by
 * the database (even from a race) comes back as a clear message. Therapists book in their own diary; practice
 * managers in anyone's.
 */
@Service
public class SchedulingService {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    private final AppointmentRepository appointments;
    private final AppointmentTypeRepository types;
    private final RoomRepository rooms;
    private final SessionViews views;
    private final ConflictMessages conflicts;
    private final BookingChecks checks;
    private final CaseAccess access;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SchedulingService(AppointmentRepository appointments, AppointmentTypeRepository types, RoomRepository rooms,
                      SessionViews views, ConflictMessages conflicts, BookingChecks checks, CaseAccess access,
                      AuditLog auditLog, CurrentUser currentUser, ApplicationEventPublisher events,
                      TransactionTemplate transactions, Clock clock) {
        this.appointments = appointments;
        this.types = types;
        this.rooms = rooms;
        this.views = views;
        this.conflicts = conflicts;
        this.checks = checks;
        this.access = access;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.BOOK_SESSION)
    public BookingResult book(BookingRequest request) {
        return switch (checks.clients(request)) {
            case BookingChecks.Clients.Refused refused -> refused.result();
            case BookingChecks.Clients.Allowed allowed -> book(request, allowed, null);
        };
    }

    /** Books each occurrence on its own; the ones that clash are returned for the user to move, never dropped. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.BOOK_SESSION)
    public SeriesResult bookSeries(BookingRequest first, Recurrence recurrence) {
        BookingChecks.Clients.Allowed allowed;
        switch (checks.clients(first)) {
            case BookingChecks.Clients.Refused refused -> {
                return refused.result() instanceof BookingResult.Blocked blocked
                        ? new SeriesResult(List.of(), List.of(), blocked.refusal())
                        : new SeriesResult(List.of(), List.of(new SeriesResult.Clash(first.start(), message(refused))));
            }
            case BookingChecks.Clients.Allowed ok -> allowed = ok;
        }
        UUID series = UUID.randomUUID();
        List<SessionView> booked = new ArrayList<>();
        List<SeriesResult.Clash> clashes = new ArrayList<>();
        for (ZonedDateTime start : recurrence.occurrences(first.start())) {
            switch (book(first.at(start), allowed, series)) {
                case BookingResult.Booked done -> booked.add(done.session());
                case BookingResult.Conflict conflict -> clashes.add(new SeriesResult.Clash(start, conflict.message()));
                case BookingResult.Invalid invalid -> clashes.add(new SeriesResult.Clash(start, invalid.message()));
                case BookingResult.Blocked blocked -> {
                    return new SeriesResult(booked, clashes, blocked.refusal());
                }
            }
        }
        return new SeriesResult(booked, clashes);
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.CHANGE_SESSION)
    public BookingResult reschedule(long appointmentId, ZonedDateTime newStart, @Nullable Long roomId) {
        Appointment existing;
        try {
            existing = checks.changeable(appointmentId).appointment();
        } catch (IllegalArgumentException refused) {
            return new BookingResult.Invalid(refused.getMessage());
        }
        if (existing.getState() != AppointmentState.BOOKED) {
            return new BookingResult.Invalid("Only a booked session can be moved.");
        }
        if (existing.getFormat() == SessionFormat.IN_PERSON && (roomId == null || !roomId.equals(existing.getRoomId())
                && rooms.findById(roomId).filter(r -> r.isActive()).isEmpty())) {
            return new BookingResult.Invalid("Choose a room for an in-person session.");
        }
        Duration length = Duration.between(existing.getStartsAt(), existing.getEndsAt());
        Instant from = newStart.toInstant();
        Instant to = from.plus(length);
        if (from.isBefore(clock.instant())) {
            return new BookingResult.Invalid("That time has already passed.");
        }
        try {
            SessionView moved = BookingChecks.retryingDeadlocks(() -> transactions.execute(status -> {
                BookingChecks.Changeable change = checks.changeable(appointmentId);
                Appointment appointment = change.appointment();
                ZonedDateTime previous = appointment.getStartsAt().atZone(Application.PRACTICE_ZONE);
                appointment.moveTo(from, to, roomId);
                appointments.saveAndFlush(appointment);
                events.publishEvent(new AppointmentRescheduled(views.notice(appointment), previous));
                auditLog.record(AuditAction.SESSION_CHANGED, appointment.getIntakeId(), change.grant().reference(),
                        "Moved from " + WHEN.format(previous) + " to " + WHEN.format(newStart));
                return views.of(appointment);
            }));
            return new BookingResult.Booked(moved);
        } catch (DataIntegrityViolationException e) {
            return refusal(e, existing.getTherapistId(), roomId, from, to);
        }
    }

    /** Cancelled by the practice, or recorded for a client who phoned (staff may waive the notice period). */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.CHANGE_SESSION)
    public void cancel(long appointmentId, boolean byClient, String reason) {
        String text = reason == null ? "" : reason.strip();
        if (!StorableText.isStorable(text)) {
            throw new IllegalArgumentException(StorableText.REFUSAL);
        }
        if (text.isEmpty() || text.length() > Appointment.CANCEL_REASON_MAX) {
            throw new IllegalArgumentException("Please give a reason (up to " + Appointment.CANCEL_REASON_MAX
                    + " characters); it stays in the practice and is never sent to the client.");
        }
        StaffUser me = currentUser.require();
        transactions.executeWithoutResult(status -> {
            BookingChecks.Changeable change = checks.changeable(appointmentId);
            Appointment appointment = change.appointment();
            if (appointment.getState() != AppointmentState.BOOKED) {
                throw new IllegalArgumentException("Only a booked session can be cancelled.");
            }
            appointment.cancel(byClient, text, me.id(), clock.instant());
            events.publishEvent(new AppointmentCancelled(views.notice(appointment), byClient));
            auditLog.record(AuditAction.SESSION_CANCELLED, appointment.getIntakeId(), change.grant().reference(),
                    (byClient ? "For the client: " : "By the practice: ")
                            + WHEN.format(appointment.getStartsAt().atZone(Application.PRACTICE_ZONE)));
        });
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.CHANGE_SESSION)
    public void recordOutcome(long appointmentId, AppointmentState outcome) {
        if (outcome != AppointmentState.ATTENDED && outcome != AppointmentState.NO_SHOW) {
            throw new IllegalArgumentException("An outcome is attended or did not attend.");
        }
        transactions.executeWithoutResult(status -> {
            BookingChecks.Changeable change = checks.changeable(appointmentId);
            Appointment appointment = change.appointment();
            if (appointment.getState() == AppointmentState.CANCELLED) {
                throw new IllegalArgumentException("A cancelled session has no outcome to record.");
            }
            if (appointment.getStartsAt().isAfter(clock.instant())) {
                throw new IllegalArgumentException("A session can only be marked once it has started.");
            }
            appointment.markOutcome(outcome);
            auditLog.record(AuditAction.SESSION_CHANGED, appointment.getIntakeId(), change.grant().reference(),
                    outcome.label());
        });
    }

    /** The diary between two dates; a therapist sees their own, a practice manager anyone's or everyone's. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<SessionView> sessions(@Nullable Long therapistId, LocalDate from, LocalDate toInclusive) {
        StaffUser me = currentUser.require();
        Long whose = me.isAdmin() ? therapistId : Long.valueOf(me.id());
        Instant start = from.atStartOfDay(Application.PRACTICE_ZONE).toInstant();
        Instant end = toInclusive.plusDays(1).atStartOfDay(Application.PRACTICE_ZONE).toInstant();
        return transactions.execute(status -> views.of(appointments.findActiveBetween(start, end, whose)));
    }

    /** Every session of the case, with whichever therapist: what the case's people may know of its diary. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.READ_BOOKING_DETAILS)
    public List<SessionView> sessionsForCase(long intakeId) {
        return transactions.execute(status -> {
            CaseGrant grant = access.require(intakeId, CaseOperation.READ_BOOKING_DETAILS);
            return views.of(appointments.findForIntakes(List.of(grant.intakeId())));
        });
    }

    private BookingResult book(BookingRequest request, BookingChecks.Clients.Allowed clients, @Nullable UUID series) {
        StaffUser me = currentUser.require();
        if (!checks.mayManage(request.therapistId())) {
            return new BookingResult.Invalid("You can book sessions in your own diary only.");
        }
        AppointmentType type = types.findById(request.typeId()).orElse(null);
        if (type == null || !type.isActive()) {
            return new BookingResult.Invalid("Choose a kind of session.");
        }
        int minutes = request.minutes() == null ? type.getDefaultMinutes() : request.minutes();
        if (minutes < AppointmentType.MIN_MINUTES || minutes > AppointmentType.MAX_MINUTES) {
            return new BookingResult.Invalid("A session lasts between " + AppointmentType.MIN_MINUTES + " and "
                    + AppointmentType.MAX_MINUTES + " minutes.");
        }
        if (type.isCouples() && request.partnerIntakeId() == null) {
            return new BookingResult.Invalid("A couples session needs both partners.");
        }
        Long roomId = request.format() == SessionFormat.IN_PERSON ? request.roomId() : null;
        if (request.format() == SessionFormat.IN_PERSON && (roomId == null
                || rooms.findById(roomId).filter(r -> r.isActive()).isEmpty())) {
            return new BookingResult.Invalid("Choose a room for an in-person session.");
        }
        Instant from = request.start().toInstant();
        Instant to = from.plus(Duration.ofMinutes(minutes));
        if (from.isBefore(clock.instant())) {
            return new BookingResult.Invalid("That time has already passed.");
        }
        try {
            SessionView session = BookingChecks.retryingDeadlocks(() -> transactions.execute(status -> {
                checks.requireBookable(clients.grants());
                Appointment appointment = appointments.saveAndFlush(new Appointment(request.intakeId(),
                        request.partnerIntakeId(), request.therapistId(), roomId, type.getId(), request.format(),
                        from, to, series, clock.instant(), me.id()));
                SessionViews.Booked booked = views.booked(appointment);
                events.publishEvent(new AppointmentBooked(booked.notice()));
                for (CaseGrant client : clients.grants()) {
                    auditLog.record(AuditAction.SESSION_BOOKED, client.intakeId(), client.reference(),
                            type.getLabel() + " " + WHEN.format(request.start()) + " with " + booked.view()
                                    .therapistName());
                }
                return booked.view();
            }));
            return new BookingResult.Booked(session);
        } catch (SafetyGateRefused refused) {
            return new BookingResult.Blocked(refused.refusal());
        } catch (CaseNotFound gone) {
            return new BookingResult.Invalid(CaseNotFound.MESSAGE);
        } catch (DataIntegrityViolationException e) {
            return refusal(e, request.therapistId(), roomId, from, to);
        }
    }

    private static String message(BookingChecks.Clients.Refused refused) {
        return switch (refused.result()) {
            case BookingResult.Invalid invalid -> invalid.message();
            case BookingResult.Conflict conflict -> conflict.message();
            case BookingResult.Blocked blocked -> blocked.refusal().message();
            case BookingResult.Booked booked -> "";
        };
    }

    private BookingResult refusal(DataIntegrityViolationException e, long therapistId, @Nullable Long roomId,
                                  Instant from, Instant to) {
        if (ConflictMessages.isOverlap(e)) {
            return new BookingResult.Conflict(conflicts.describe(therapistId, roomId, from, to));
        }
        return new BookingResult.Invalid("That booking isn't possible: a client, room or session type no longer "
                + "exists. Please reload and try again.");
    }
}
