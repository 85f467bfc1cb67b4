package app.thaw.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import app.thaw.base.ids.RoomId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.StaffId;
import app.thaw.base.PracticeTime;
import app.thaw.Application;
import app.thaw.audit.AuditAction;
import app.thaw.base.domain.StorableText;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.care.CareEventKind;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffUser;

/**
 * Changes to a booked session: a new time, another therapist, a cancellation, what happened (attended or not). Each
 * checks the policy first; a new time or therapist also checks the diary it lands in (closed days, time away, hours;
 * overlaps by the database); clients are told, open requests it answers close themselves, and the case's course of
 * care records it. Moving or cancelling is never held up by the safety gates.
 */
@Service
public class SessionChanges extends DiaryWork {

    private static final DateTimeFormatter WHEN = PracticeTime.DAY_TIME;

    private final RequestClosing requests;
    private final StaffAccountService staff;
    private final ChangedMeanwhile meanwhile;

    SessionChanges(DiaryWork.Parts parts, RequestClosing requests, StaffAccountService staff,
                   ChangedMeanwhile meanwhile) {
        super(parts);
        this.requests = requests;
        this.staff = staff;
        this.meanwhile = meanwhile;
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.CHANGE_SESSION)
    public BookingResult reschedule(AppointmentId appointmentId, ZonedDateTime newStart, @Nullable RoomId room) {
        return reschedule(appointmentId, newStart, room, null);
    }

    /** A new time (and room); {@code overrideReason}: a practice manager books it outside hours or time away. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.CHANGE_SESSION)
    public BookingResult reschedule(AppointmentId appointmentId, ZonedDateTime newStart, @Nullable RoomId room,
                                    @Nullable String overrideReason) {
        Long roomId = RoomId.numberOf(room);
        Appointment existing;
        try {
            existing = checks.changeable(appointmentId.value()).appointment();
        } catch (IllegalArgumentException refused) {
            return new BookingResult.Invalid(Objects.requireNonNull(refused.getMessage(), "the checks say why"));
        }
        if (existing.getState() != AppointmentState.BOOKED) {
            return new BookingResult.Invalid(meanwhile.notBooked(existing, "moved", false));
        }
        if (existing.getFormat() == SessionFormat.IN_PERSON && (roomId == null || !roomId.equals(existing.getRoomId())
                && rooms.findById(roomId).filter(r -> r.isActive()).isEmpty())) {
            return new BookingResult.Invalid("Choose a room for an in-person session.");
        }
        Instant from = newStart.toInstant();
        Instant to = from.plus(Duration.between(existing.getStartsAt(), existing.getEndsAt()));
        if (from.isBefore(clock.instant())) {
            return new BookingResult.Invalid("That time has already passed.");
        }
        BookingChecks.Hours hours = checks.hours(existing.getTherapistId(), from, to, overrideReason);
        if (hours.refusal() != null) {
            return hours.refusal();
        }
        Long staffId = currentUser.require().id();
        try {
            SessionView moved = BookingChecks.retryingDeadlocks(() -> transactions.execute(status -> {
                // the checks above read the session before this transaction: it may have been cancelled since
                BookingChecks.Changeable change = checks.lockedForChange(appointmentId.value());
                Appointment appointment = change.appointment();
                meanwhile.requireAsSeen(appointment, existing.getVersion(), "moved");
                ZonedDateTime previous = appointment.getStartsAt().atZone(Application.PRACTICE_ZONE);
                appointment.moveTo(from, to, roomId);
                appointments.saveAndFlush(appointment);
                events.publishEvent(new AppointmentRescheduled(views.notice(appointment), previous));
                requests.moved(change.grant(), appointmentId.value(), staffId);
                for (long client : clients(appointment)) {
                    auditLog.record(AuditAction.SESSION_CHANGED, client, change.grant().facts().referenceOf(client),
                            "Moved from " + WHEN.format(previous) + " to " + WHEN.format(newStart)
                                    + (hours.overridden() == null ? "" : ". " + hours.overridden()));
                }
                return views.of(appointment);
            }));
            return new BookingResult.Booked(moved);
        } catch (IllegalArgumentException gone) {
            return new BookingResult.Invalid(Objects.requireNonNull(gone.getMessage(), "the checks say why"));
        } catch (DataIntegrityViolationException e) {
            return refusal(e, existing.getTherapistId(), roomId, from, to);
        }
    }

    /**
     * Gives a session to another therapist at the same time and place: both diaries are checked (the new therapist's
     * hours, time away and sessions), the clients are told who they will see.
     */
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.CHANGE_SESSION)
    public BookingResult changeTherapist(AppointmentId appointmentId, StaffId therapistId,
            @Nullable String overrideReason) {
        Appointment existing;
        try {
            existing = checks.changeable(appointmentId.value()).appointment();
        } catch (IllegalArgumentException refused) {
            return new BookingResult.Invalid(Objects.requireNonNull(refused.getMessage(), "the checks say why"));
        }
        if (existing.getState() != AppointmentState.BOOKED) {
            return new BookingResult.Invalid(meanwhile.notBooked(existing, "given to another therapist", false));
        }
        if (existing.getStartsAt().isBefore(clock.instant())) {
            return new BookingResult.Invalid("Only a session still to come can go to another therapist.");
        }
        if (existing.getTherapistId() == therapistId.value()) {
            return new BookingResult.Invalid("The session is already with that therapist.");
        }
        String newName = staff.activeTherapists().stream().filter(t -> t.id() == therapistId.value()).findFirst()
                .map(t -> t.displayName()).orElse(null);
        if (newName == null) {
            return new BookingResult.Invalid("A session can only go to an active therapist.");
        }
        BookingChecks.Hours hours = checks.hours(therapistId.value(), existing.getStartsAt(), existing.getEndsAt(),
                overrideReason);
        if (hours.refusal() != null) {
            return hours.refusal();
        }
        try {
            SessionView given = BookingChecks.retryingDeadlocks(() -> transactions.execute(status -> {
                BookingChecks.Changeable change = checks.lockedForChange(appointmentId.value());
                Appointment appointment = change.appointment();
                meanwhile.requireAsSeen(appointment, existing.getVersion(), "given to another therapist");
                String before = staff.displayNames(Set.of(appointment.getTherapistId()))
                        .getOrDefault(appointment.getTherapistId(), "Former staff member");
                appointment.giveTo(therapistId.value());
                appointments.saveAndFlush(appointment);
                ZonedDateTime start = appointment.getStartsAt().atZone(Application.PRACTICE_ZONE);
                events.publishEvent(new AppointmentRescheduled(views.notice(appointment), start));
                for (long client : clients(appointment)) {
                    auditLog.record(AuditAction.SESSION_CHANGED, client, change.grant().facts().referenceOf(client),
                            WHEN.format(start) + ": from " + before + " to " + newName
                                    + (hours.overridden() == null ? "" : ". " + hours.overridden()));
                }
                return views.of(appointment);
            }));
            return new BookingResult.Booked(given);
        } catch (IllegalArgumentException gone) {
            return new BookingResult.Invalid(Objects.requireNonNull(gone.getMessage(), "the checks say why"));
        } catch (DataIntegrityViolationException e) {
            return refusal(e, therapistId.value(), existing.getRoomId(), existing.getStartsAt(), existing.getEndsAt());
        }
    }

    /** Cancelled by the practice, or recorded for a client who phoned (staff may waive the notice period). */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.CHANGE_SESSION)
    public void cancel(AppointmentId appointmentId, boolean byClient, String reason) {
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
            BookingChecks.Changeable change = checks.lockedForChange(appointmentId.value());
            Appointment appointment = change.appointment();
            if (appointment.getState() != AppointmentState.BOOKED) {
                throw new IllegalArgumentException(meanwhile.notBooked(appointment, "cancelled", false));
            }
            Instant now = clock.instant();
            appointment.cancel(byClient, text, me.id(), now);
            events.publishEvent(new AppointmentCancelled(views.notice(appointment), byClient));
            requests.cancelled(change.grant(), appointmentId.value(), me.id());
            care.changed(change.grant(), appointment, CareEventKind.SESSION_CANCELLED, now);
            for (long client : clients(appointment)) {
                auditLog.record(AuditAction.SESSION_CANCELLED, client, change.grant().facts().referenceOf(client),
                        (byClient ? "For the client: " : "By the practice: ")
                                + WHEN.format(appointment.getStartsAt().atZone(Application.PRACTICE_ZONE)));
            }
        });
    }

    /** Attended or did not attend, once the session has started; attendance starts (or carries on) the therapy. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.CHANGE_SESSION)
    public void recordOutcome(AppointmentId appointmentId, AppointmentState outcome) {
        if (outcome != AppointmentState.ATTENDED && outcome != AppointmentState.NO_SHOW) {
            throw new IllegalArgumentException("An outcome is attended or did not attend.");
        }
        transactions.executeWithoutResult(status -> {
            BookingChecks.Changeable change = checks.lockedForChange(appointmentId.value());
            Appointment appointment = change.appointment();
            if (appointment.getState() == AppointmentState.CANCELLED) {
                throw new IllegalArgumentException(meanwhile.notBooked(appointment, "marked attended or not", false));
            }
            if (appointment.getStartsAt().isAfter(clock.instant())) {
                throw new IllegalArgumentException("A session can only be marked once it has started.");
            }
            if (appointment.getState() == outcome) {
                return;
            }
            appointment.markOutcome(outcome);
            care.changed(change.grant(), appointment, outcome == AppointmentState.ATTENDED
                    ? CareEventKind.SESSION_ATTENDED : CareEventKind.SESSION_MISSED, appointment.getStartsAt());
            for (long client : clients(appointment)) {
                auditLog.record(AuditAction.SESSION_CHANGED, client, change.grant().facts().referenceOf(client),
                        WHEN.format(appointment.getStartsAt().atZone(Application.PRACTICE_ZONE)) + ": "
                                + outcome.label().toLowerCase(Locale.UK));
            }
        });
    }

    /** The session's clients: its own, and the partner's for a joint session. */
    private static long[] clients(Appointment appointment) {
        return appointment.getPartnerIntakeId() == null ? new long[] {appointment.getIntakeId()}
                : new long[] {appointment.getIntakeId(), appointment.getPartnerIntakeId()};
    }

    private BookingResult refusal(DataIntegrityViolationException e, long therapistId, @Nullable Long roomId,
                                  Instant from, Instant to) {
        if (ConflictMessages.isOverlap(e)) {
            return new BookingResult.Conflict(conflicts.describe(therapistId, roomId, from, to));
        }
        if (ConflictMessages.isTherapistGone(e)) {
            return new BookingResult.Invalid(conflicts.therapistGone(therapistId));
        }
        if (ConflictMessages.isRoomClosed(e)) {
            return new BookingResult.Invalid(conflicts.roomClosed(roomId));
        }
        return new BookingResult.Invalid("That change isn't possible: a client, room or session type no longer "
                + "exists. Please reload and try again.");
    }
}
