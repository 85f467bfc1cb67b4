package app.thaw.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.base.PracticeTime;
import app.thaw.Application;
import app.thaw.audit.AuditAction;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.SafetyGateRefused;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentInserts;
import app.thaw.scheduling.domain.AppointmentType;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;

/**
 * Books sessions, one or a series, and reads the diary. Every booking checks the case-access policy and, inside its
 * transaction, the clinical safety gates; then that the therapist can see clients then (closed days, time away, hours:
 * a practice manager may override with a reason). Each write runs in its own short transaction, so an overlap refused
 * by the database (even from a race) comes back as a clear message. Changes to booked sessions: {@link SessionChanges}.
 */
@Service
public class SchedulingService extends DiaryWork {

    private static final DateTimeFormatter WHEN = PracticeTime.DAY_TIME;

    private final SessionTypes sessionTypes;
    private final AppointmentInserts inserts;
    private final CaseAccess access;

    SchedulingService(DiaryWork.Parts parts, SessionTypes sessionTypes, AppointmentInserts inserts,
                      CaseAccess access) {
        super(parts);
        this.sessionTypes = sessionTypes;
        this.inserts = inserts;
        this.access = access;
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.BOOK_SESSION)
    public BookingResult book(BookingRequest request) {
        return book(request, null, null).result();
    }

    /**
     * Books each occurrence on its own; the ones that clash (or fall on a closed day or in time away) are returned for
     * the user to move, never dropped. The clients get one email for the whole series.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.BOOK_SESSION)
    public SeriesResult bookSeries(BookingRequest first, Recurrence recurrence) {
        BookingChecks.Clients.Allowed allowed;
        switch (checks.clients(first)) {
            case BookingChecks.Clients.Refused refused -> {
                return refused.result() instanceof BookingResult.Blocked blocked
                        ? new SeriesResult(List.of(), List.of(), blocked.refusal())
                        : new SeriesResult(List.of(), List.of(new SeriesResult.Clash(first.start(),
                                message(refused.result()))));
            }
            case BookingChecks.Clients.Allowed ok -> allowed = ok;
        }
        UUID series = UUID.randomUUID();
        List<SessionView> booked = new ArrayList<>();
        List<AppointmentNotice> notices = new ArrayList<>();
        List<SeriesResult.Clash> clashes = new ArrayList<>();
        List<ZonedDateTime> planned = recurrence.occurrences(first.start());
        try {
            for (ZonedDateTime start : planned) {
                Outcome outcome = book(first.at(start), allowed, series);
                switch (outcome.result()) {
                    case BookingResult.Booked done -> {
                        booked.add(done.session());
                        notices.add(outcome.notice());
                    }
                    case BookingResult.Blocked blocked -> {
                        return new SeriesResult(booked, clashes, blocked.refusal());
                    }
                    default -> clashes.add(new SeriesResult.Clash(start, message(outcome.result())));
                }
            }
        } finally {
            if (!notices.isEmpty()) {
                transactions.executeWithoutResult(status -> events.publishEvent(new SeriesBooked(series, notices,
                        recurrence.fortnightly() ? 2 : 1, planned)));
            }
        }
        return new SeriesResult(booked, clashes);
    }

    /** The diary between two dates; a therapist sees their own, a practice manager anyone's or everyone's. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<SessionView> sessions(@Nullable StaffId therapistId, LocalDate from, LocalDate toInclusive) {
        return sessions(therapistId, from, toInclusive, false);
    }

    /** As above; {@code withCancelled} adds the cancelled sessions, shown apart, for who cancelled what. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<SessionView> sessions(@Nullable StaffId therapistId, LocalDate from, LocalDate toInclusive,
                                      boolean withCancelled) {
        StaffUser me = currentUser.require();
        Long whose = me.isAdmin() ? StaffId.numberOf(therapistId) : Long.valueOf(me.id());
        Instant start = from.atStartOfDay(Application.PRACTICE_ZONE).toInstant();
        Instant end = toInclusive.plusDays(1).atStartOfDay(Application.PRACTICE_ZONE).toInstant();
        return transactions.execute(status -> views.of(withCancelled ? appointments.findAllBetween(start, end, whose)
                : appointments.findActiveBetween(start, end, whose)));
    }

    /** Every session of the case, with whichever therapist: what the case's people may know of its diary. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.READ_BOOKING_DETAILS)
    public List<SessionView> sessionsForCase(IntakeId intakeId) {
        return transactions.execute(status -> {
            CaseGrant grant = access.require(intakeId, CaseOperation.READ_BOOKING_DETAILS);
            return views.of(appointments.findForIntake(grant.intakeId()));
        });
    }

    /** A booking's result, and what its clients are told (for a series, told once for all). */
    private record Outcome(BookingResult result, @Nullable AppointmentNotice notice) {
    }

    /**
     * One transaction does all of it: the policy and the safety gates ({@code checked}: already asked for a series,
     * asked again here), the session type and room, the therapist's hours, the insert, the care events and the audit.
     * The clients' emails are rendered after it commits (notification listens after commit).
     */
    private Outcome book(BookingRequest request, BookingChecks.Clients.@Nullable Allowed checked,
                         @Nullable UUID series) {
        StaffUser me = currentUser.require();
        try {
            return BookingChecks.retryingDeadlocks(() -> transactions.execute(status ->
                    bookInTransaction(request, checked, series, me)));
        } catch (SafetyGateRefused refused) {
            return refused(new BookingResult.Blocked(refused.refusal()));
        } catch (CaseNotFound gone) {
            return refused(new BookingResult.Invalid(CaseNotFound.MESSAGE));
        } catch (DataIntegrityViolationException e) {
            Long roomId = request.format() == SessionFormat.IN_PERSON ? request.roomId() : null;
            Instant from = request.start().toInstant();
            int minutes = request.minutes() != null ? request.minutes()
                    : sessionTypes.of(request.typeId()).map(SessionTypes.SessionType::defaultMinutes).orElse(60);
            Instant to = from.plus(Duration.ofMinutes(minutes));
            return refused(ConflictMessages.isOverlap(e)
                    ? new BookingResult.Conflict(conflicts.describe(request.therapistId(), roomId, from, to))
                    : ConflictMessages.isTherapistGone(e)
                    ? new BookingResult.Invalid(conflicts.therapistGone(request.therapistId()))
                    : ConflictMessages.isRoomClosed(e) ? new BookingResult.Invalid(conflicts.roomClosed(roomId))
                    : new BookingResult.Invalid("That booking isn't possible: a client, room or session type no "
                            + "longer exists. Please reload and try again."));
        }
    }

    private Outcome bookInTransaction(BookingRequest request, BookingChecks.Clients.@Nullable Allowed checked,
                                      @Nullable UUID series, StaffUser me) {
        List<CaseGrant> clients;
        if (checked == null) {
            switch (checks.clients(request)) {
                case BookingChecks.Clients.Refused refused -> {
                    return refused(refused.result());
                }
                case BookingChecks.Clients.Allowed allowed -> clients = allowed.grants();
            }
        } else {
            // asked once before the series; asked again in each session's transaction, as it could be stale by now
            checks.requireBookable(checked.grants());
            clients = checked.grants();
        }
        // after the policy: a case the person may not book answers the same whoever's diary was asked for
        if (!checks.mayManage(request.therapistId())) {
            return refused(new BookingResult.Invalid("You can book sessions in your own diary only."));
        }
        if (request.start().toInstant().isBefore(clock.instant())) {
            return refused(new BookingResult.Invalid("That time has already passed."));
        }
        SessionTypes.SessionType type = sessionTypes.of(request.typeId()).orElse(null);
        if (type == null || !type.active()) {
            return refused(new BookingResult.Invalid("Choose a kind of session."));
        }
        int minutes = request.minutes() == null ? type.defaultMinutes() : request.minutes();
        if (minutes < AppointmentType.MIN_MINUTES || minutes > AppointmentType.MAX_MINUTES) {
            return refused(new BookingResult.Invalid("A session lasts between " + AppointmentType.MIN_MINUTES
                    + " and " + AppointmentType.MAX_MINUTES + " minutes."));
        }
        if (type.couples() && request.partnerIntakeId() == null) {
            return refused(new BookingResult.Invalid("A couples session needs both partners."));
        }
        Long roomId = request.format() == SessionFormat.IN_PERSON ? request.roomId() : null;
        if (request.format() == SessionFormat.IN_PERSON && (roomId == null
                || rooms.findById(roomId).filter(r -> r.isActive()).isEmpty())) {
            return refused(new BookingResult.Invalid("Choose a room for an in-person session."));
        }
        Instant from = request.start().toInstant();
        Instant to = from.plus(Duration.ofMinutes(minutes));
        BookingChecks.Hours hours = checks.hours(request.therapistId(), from, to, request.overrideReason());
        if (hours.refusal() != null) {
            return refused(hours.refusal());
        }
        Appointment appointment = inserts.insert(new Appointment(request.intakeId(),
                request.partnerIntakeId(), request.therapistId(), roomId, type.id(), request.format(),
                from, to, series, clock.instant(), me.id()));
        SessionViews.Booked booked = views.booked(appointment, clients);
        events.publishEvent(new AppointmentBooked(booked.notice(), series != null));
        care.booked(clients, appointment);
        String detail = type.label() + " " + WHEN.format(request.start()) + " with "
                + booked.view().therapistName() + (hours.overridden() == null ? "" : ". " + hours.overridden());
        auditLog.recordAll(AuditAction.SESSION_BOOKED, clients, detail);
        return new Outcome(new BookingResult.Booked(booked.view()), booked.notice());
    }

    private static Outcome refused(BookingResult result) {
        return new Outcome(result, null);
    }

    static String message(BookingResult result) {
        return switch (result) {
            case BookingResult.Invalid invalid -> invalid.message();
            case BookingResult.Conflict conflict -> conflict.message();
            case BookingResult.Unavailable unavailable -> unavailable.message();
            case BookingResult.Blocked blocked -> blocked.refusal().message();
            case BookingResult.Booked booked -> "";
        };
    }
}
