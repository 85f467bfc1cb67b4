package app.thaw.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.TimeAwayId;
import app.thaw.base.ids.StaffId;
import app.thaw.base.PracticeTime;
import app.thaw.Application;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.domain.StorableText;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.scheduling.domain.ClosedDay;
import app.thaw.scheduling.domain.ClosedDayRepository;
import app.thaw.scheduling.domain.TimeAway;
import app.thaw.scheduling.domain.TimeAwayRepository;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffUser;
import app.thaw.security.SystemActor;

/**
 * Time away and the practice's closed days. Therapists keep their own time away, the practice manager anyone's and the
 * closed days. Adding time away (or a closure) over booked sessions returns them, so the person can move or cancel
 * each; nothing is moved or cancelled behind their back. Every change is audited.
 */
@Service
@Transactional
public class LeaveService {

    private static final DateTimeFormatter DAY = PracticeTime.DAY_DATE;

    public record AwayView(long id, long therapistId, LocalDate firstDay, LocalDate lastDay, @Nullable LocalTime starts,
                           @Nullable LocalTime ends, AwayReason reason, @Nullable String note) {

        public String describe() {
            return Availability.describe(new TimeAway(therapistId, firstDay, lastDay, starts, ends, reason, note,
                    java.time.Instant.EPOCH, null)) + (note == null ? "" : " (" + note + ")");
        }
    }

    public record ClosedDayView(LocalDate day, String name, boolean bankHoliday, boolean open) {
    }

    /** Time away as added, and the booked sessions inside it that still need a new time, therapist or a cancel. */
    public record AwayAdded(AwayView away, List<SessionView> affected) {
    }

    private final TimeAwayRepository away;
    private final ClosedDayRepository closed;
    private final AppointmentRepository appointments;
    private final SessionViews views;
    private final StaffAccountService staff;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    // asked when time closes: the waiting list, which itself reads the diary through this feature's services
    private final ObjectProvider<ClosedTimes> letGo;
    private final Clock clock;

    LeaveService(TimeAwayRepository away, ClosedDayRepository closed, AppointmentRepository appointments,
                 SessionViews views, StaffAccountService staff, CurrentUser currentUser, AuditLog auditLog,
                 ObjectProvider<ClosedTimes> letGo, Clock clock) {
        this.letGo = letGo;
        this.away = away;
        this.closed = closed;
        this.appointments = appointments;
        this.views = views;
        this.staff = staff;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Whole days from {@code firstDay} to {@code lastDay}, or (both times given) part of one day. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public AwayAdded addTimeAway(StaffId therapistId, LocalDate firstDay, @Nullable LocalDate lastDay,
                                 @Nullable LocalTime starts, @Nullable LocalTime ends, AwayReason reason,
                                 @Nullable String note) {
        StaffUser me = requireOwnOrAdmin(therapistId.value());
        // whole days need their last day: one that could not be read arrives empty, and "one day" was the wrong save
        if (lastDay == null && starts == null && ends == null) {
            throw new IllegalArgumentException("Choose the last day away.");
        }
        LocalDate last = lastDay == null ? firstDay : lastDay;
        if (firstDay == null || last.isBefore(firstDay)) {
            throw new IllegalArgumentException("The last day away can't be before the first.");
        }
        if (ChronoUnit.DAYS.between(firstDay, last) >= TimeAway.MAX_DAYS) {
            throw new IllegalArgumentException("Time away is at most a year at a time.");
        }
        if ((starts == null) != (ends == null) || starts != null && !starts.isBefore(ends)) {
            throw new IllegalArgumentException("Give both times for part of a day (the end after the start), or "
                    + "neither for whole days.");
        }
        if (starts != null && !firstDay.equals(last)) {
            throw new IllegalArgumentException("Part of a day is one day: choose the same first and last day.");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (!StorableText.isStorable(text)) {
            throw new IllegalArgumentException(StorableText.REFUSAL);
        }
        if (text != null && text.length() > TimeAway.NOTE_MAX) {
            throw new IllegalArgumentException("Keep the note under " + TimeAway.NOTE_MAX + " characters.");
        }
        TimeAway saved = away.saveAndFlush(new TimeAway(therapistId.value(), firstDay, last, starts, ends,
                reason == null ? AwayReason.OTHER : reason, text, clock.instant(), me.id()));
        auditLog.record(AuditAction.LEAVE_ADDED, null, null, name(therapistId.value()) + ": "
                + Availability.describe(saved));
        letGoOf(therapistId.value(), saved.from(Application.PRACTICE_ZONE), saved.to(Application.PRACTICE_ZONE));
        return new AwayAdded(view(saved), sessionsDuring(saved));
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public void removeTimeAway(StaffId therapistId, TimeAwayId awayId) {
        requireOwnOrAdmin(therapistId.value());
        away.findById(awayId.value()).filter(a -> a.getTherapistId() == therapistId.value()).ifPresent(found -> {
            away.delete(found);
            auditLog.record(AuditAction.LEAVE_REMOVED, null, null, name(therapistId.value()) + ": "
                    + Availability.describe(found));
        });
    }

    /** The booked sessions inside this time away still waiting to be moved or cancelled. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<SessionView> sessionsDuring(StaffId therapistId, TimeAwayId awayId) {
        requireOwnOrAdmin(therapistId.value());
        return away.findById(awayId.value()).filter(a -> a.getTherapistId() == therapistId.value())
                .map(this::sessionsDuring).orElse(List.of());
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<AwayView> timeAway(Collection<Long> therapistIds, LocalDate from, LocalDate to) {
        if (therapistIds.isEmpty()) {
            return List.of();
        }
        return away.findOverlapping(therapistIds, from, to).stream().map(LeaveService::view).toList();
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<ClosedDayView> closedDays(LocalDate from, LocalDate to) {
        return closed.findByDayBetweenOrderByDayAsc(from, to).stream()
                .map(d -> new ClosedDayView(d.getDay(), d.getName(), d.isBankHoliday(), d.isOpen())).toList();
    }

    /** Opens a bank holiday (the practice works that day after all), or closes it again. */
    @RolesAllowed(Roles.ADMIN)
    public void setBankHolidayOpen(LocalDate day, boolean open) {
        ClosedDay found = closed.findById(day).filter(ClosedDay::isBankHoliday)
                .orElseThrow(() -> new IllegalArgumentException("That day is not a bank holiday."));
        if (found.isOpen() != open) {
            found.setOpen(open, clock.instant(), currentUser.require().id());
            auditLog.record(AuditAction.CLOSED_DAY_CHANGED, null, null, DAY.format(day) + " (" + found.getName()
                    + "): " + (open ? "opened" : "closed again"));
            if (!open) {
                letGoOfDay(day);
            }
        }
    }

    /**
     * A day the whole practice is closed (training day, move), today or later: a past closure would never be listed
     * to remove and would change past utilisation. Returns every session booked on it.
     */
    @RolesAllowed(Roles.ADMIN)
    public List<SessionView> closeDay(@Nullable LocalDate day, @Nullable String name) {
        String text = name == null ? "" : name.strip();
        Map<ClosedDayRefused.Field, String> problems = new EnumMap<>(ClosedDayRefused.Field.class);
        if (day == null) {
            problems.put(ClosedDayRefused.Field.DATE, "Choose a date.");
        } else if (day.isBefore(LocalDate.ofInstant(clock.instant(), Application.PRACTICE_ZONE))) {
            problems.put(ClosedDayRefused.Field.DATE, "Choose today or a later date.");
        } else if (closed.existsById(day)) {
            problems.put(ClosedDayRefused.Field.DATE, DAY.format(day) + " is already in the list.");
        }
        if (text.isEmpty() || text.length() > ClosedDay.NAME_MAX || !StorableText.isStorable(text)) {
            problems.put(ClosedDayRefused.Field.REASON, "Say why the practice is closed, in up to "
                    + ClosedDay.NAME_MAX + " characters.");
        }
        if (day == null || !problems.isEmpty()) {
            throw new ClosedDayRefused(problems);
        }
        closed.save(new ClosedDay(day, text, false, clock.instant(), currentUser.require().id()));
        auditLog.record(AuditAction.CLOSED_DAY_CHANGED, null, null, DAY.format(day) + ": closed (" + text + ")");
        letGoOfDay(day);
        var from = day.atStartOfDay(Application.PRACTICE_ZONE).toInstant();
        var to = day.plusDays(1).atStartOfDay(Application.PRACTICE_ZONE).toInstant();
        return views.of(appointments.findActiveBetween(from, to, null).stream()
                .filter(a -> a.getState() == AppointmentState.BOOKED).toList());
    }

    /** Removes one of the practice's own closures (bank holidays are opened instead). */
    @RolesAllowed(Roles.ADMIN)
    public void removeClosure(LocalDate day) {
        closed.findById(day).filter(d -> !d.isBankHoliday()).ifPresent(found -> {
            closed.delete(found);
            auditLog.record(AuditAction.CLOSED_DAY_CHANGED, null, null, DAY.format(day) + ": open again ("
                    + found.getName() + " removed)");
        });
    }

    private void letGoOfDay(LocalDate day) {
        letGoOf(null, day.atStartOfDay(Application.PRACTICE_ZONE).toInstant(),
                day.plusDays(1).atStartOfDay(Application.PRACTICE_ZONE).toInstant());
    }

    /** Called once the therapist's hours have shrunk (and are flushed): times held outside them go back. */
    void hoursNarrowed(long therapistId) {
        letGo.orderedStream().forEach(feature -> feature.hoursNarrowed(therapistId));
    }

    private void letGoOf(@Nullable Long therapistId, java.time.Instant from, java.time.Instant to) {
        letGo.orderedStream().forEach(feature -> feature.letGo(therapistId, from, to));
    }

    private List<SessionView> sessionsDuring(TimeAway timeAway) {
        var from = timeAway.from(Application.PRACTICE_ZONE);
        var to = timeAway.to(Application.PRACTICE_ZONE);
        var now = clock.instant();
        var earliest = (from.isAfter(now) ? from : now).minus(AppointmentRepository.LONGEST);
        return views.of(appointments.findBookedForTherapist(timeAway.getTherapistId(), earliest, to).stream()
                .filter(a -> a.getEndsAt().isAfter(from) && a.getStartsAt().isAfter(now)).toList());
    }

    private static AwayView view(TimeAway a) {
        return new AwayView(a.getId(), a.getTherapistId(), a.getFirstDay(), a.getLastDay(), a.getStarts(), a.getEnds(),
                a.getReason(), a.getNote());
    }

    private StaffUser requireOwnOrAdmin(long therapistId) {
        StaffUser me = currentUser.require();
        if (!me.isAdmin() && me.id() != therapistId) {
            throw new IllegalArgumentException("You can change your own time away only.");
        }
        return me;
    }

    private String name(long therapistId) {
        return SystemActor.call(() -> staff.displayNames(Set.of(therapistId))).getOrDefault(therapistId,
                "Former staff member");
    }
}
