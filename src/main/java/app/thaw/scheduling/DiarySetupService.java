package app.thaw.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.ExtraHoursId;
import app.thaw.base.ids.WorkingHoursId;
import app.thaw.base.ids.SessionTypeId;
import app.thaw.base.ids.RoomId;
import app.thaw.base.ids.StaffId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.ChangedMeanwhile;
import app.thaw.base.domain.StorableText;
import app.thaw.scheduling.domain.AppointmentType;
import app.thaw.scheduling.domain.AppointmentTypeRepository;
import app.thaw.scheduling.domain.RoomRepository;
import app.thaw.scheduling.domain.WorkingException;
import app.thaw.scheduling.domain.WorkingHours;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/**
 * The shape of the diary: rooms, kinds of session and their lengths, therapists' weekly hours and extra hours (time
 * away and closed days: {@link LeaveService}). Every change is audited.
 */
@Service
@Transactional
public class DiarySetupService {

    /** A room; its version is what a rename from a form showing it must still match. */
    public record RoomView(long id, String name, boolean active, long version) {
    }

    /** A kind of session; its version is what a change from a page showing it must still match. */
    public record TypeView(long id, String code, String label, int defaultMinutes, boolean couples, boolean treatment,
                           boolean active, long version) {

        public TypeView(long id, String code, String label, int defaultMinutes, boolean couples) {
            this(id, code, label, defaultMinutes, couples, true, true, 0);
        }
    }

    public record HoursView(long id, DayOfWeek day, LocalTime starts, LocalTime ends) {
    }

    /** Extra hours on one date (time away is {@link LeaveService.AwayView}). */
    public record ExceptionView(long id, LocalDate day, boolean extra, @Nullable LocalTime starts,
                                @Nullable LocalTime ends, @Nullable String note) {
    }

    private final RoomRepository rooms;
    private final AppointmentTypeRepository types;
    private final LeaveService leave;
    private final CurrentUser currentUser;
    private final StaffAccountService staff;
    private final AuditLog auditLog;
    private final PracticeRooms practiceRooms;
    private final DiaryNames names;
    private final UsualWeek week;

    DiarySetupService(RoomRepository rooms, AppointmentTypeRepository types, UsualWeek week, LeaveService leave,
                      CurrentUser currentUser, StaffAccountService staff, AuditLog auditLog,
                      PracticeRooms practiceRooms, DiaryNames names) {
        this.names = names;
        this.week = week;
        this.rooms = rooms;
        this.types = types;
        this.leave = leave;
        this.currentUser = currentUser;
        this.staff = staff;
        this.auditLog = auditLog;
        this.practiceRooms = practiceRooms;
    }

    /** Every room, in use or not (the waiting list's sweep, as the system, looks for those out of use). */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public List<RoomView> rooms() {
        return rooms.findAllInNameOrder().stream().map(PracticeRooms::view).toList();
    }

    @RolesAllowed(Roles.ADMIN)
    public RoomView addRoom(String name) {
        return practiceRooms.add(name);
    }

    /**
     * A room's new name, by the rules a new room's follows; sessions booked there show it at once. Refused
     * ({@link ChangedMeanwhile}) when someone renamed the room or changed its use since the form showed
     * {@code version}, so a stale form never undoes their change.
     */
    @RolesAllowed(Roles.ADMIN)
    public RoomView renameRoom(RoomId roomId, String name, long version) {
        return practiceRooms.rename(roomId.value(), name, version);
    }

    /**
     * Takes a room out of use for new sessions, or brings it back. Out of use, the times held in it for waiting
     * clients are released; sessions already booked there go ahead unless moved, and their count and the first are
     * returned so the practice manager can decide (none when brought back).
     */
    @RolesAllowed(Roles.ADMIN)
    public RoomChange setRoomActive(RoomId roomId, boolean active) {
        return practiceRooms.setActive(roomId.value(), active);
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<TypeView> types() {
        return allTypes().stream().filter(TypeView::active).toList();
    }

    /** Every kind of session, those out of use too: what the practice settings list. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<TypeView> allTypes() {
        return types.findAllByOrderByIdAsc().stream()
                .map(DiarySetupService::view)
                .toList();
    }

    /** Refused ({@link ChangedMeanwhile}) when the kind of session changed since the page showed {@code version}. */
    @RolesAllowed(Roles.ADMIN)
    public TypeView setDefaultLength(SessionTypeId typeId, int minutes, long version) {
        AppointmentType type = types.findById(typeId.value()).orElseThrow();
        return changeType(typeId, type.getLabel(), minutes, type.isTreatment(), type.isActive(), version);
    }

    /** A new kind of session; its couples flag is fixed (a couples session books both partners). */
    @RolesAllowed(Roles.ADMIN)
    public TypeView addType(String label, int minutes, boolean couples, boolean treatment) {
        String text = DiaryNames.checkedTypeLabel(label, minutes);
        names.refuseTakenType(text, 0);
        String code = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
        code = (code.isEmpty() ? "TYPE" : code.substring(0, Math.min(code.length(), 14))) + "_"
                + Long.toString(System.nanoTime() % 46656, 36).toUpperCase(Locale.ROOT);
        try {
            AppointmentType type = types.saveAndFlush(new AppointmentType(code, text, minutes, couples, treatment));
            auditLog.record(AuditAction.SESSION_TYPE_CHANGED, null, null, "Added " + text + " (" + minutes + " min"
                    + (couples ? ", couples" : "") + (treatment ? "" : ", not treatment") + ")");
            return view(type);
        } catch (DataIntegrityViolationException duplicate) {
            throw names.typeRefused(duplicate, text);
        }
    }

    /**
     * Writes every field of the row as shown; refused ({@link ChangedMeanwhile}) when someone changed the kind of
     * session since the page showed {@code version}, so a stale row never undoes their change.
     */
    @RolesAllowed(Roles.ADMIN)
    public TypeView changeType(SessionTypeId typeId, String label, int minutes, boolean treatment, boolean active,
                               long version) {
        String text = DiaryNames.checkedTypeLabel(label, minutes);
        names.refuseTakenType(text, typeId.value());
        AppointmentType type = types.findById(typeId.value()).orElseThrow();
        if (type.getVersion() != version) {
            throw new ChangedMeanwhile(null);
        }
        String before = type.getLabel() + " (" + type.getDefaultMinutes() + " min"
                + (type.isTreatment() ? "" : ", not treatment") + (type.isActive() ? "" : ", out of use") + ")";
        type.change(text, minutes, treatment, active);
        try {
            types.flush();
        } catch (DataIntegrityViolationException duplicate) {
            throw names.typeRefused(duplicate, text);
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ChangedMeanwhile(null);
        }
        auditLog.record(AuditAction.SESSION_TYPE_CHANGED, null, null, before + " → " + text + " (" + minutes + " min"
                + (treatment ? "" : ", not treatment") + (active ? "" : ", out of use") + ")");
        return view(type);
    }

    private static TypeView view(AppointmentType t) {
        return new TypeView(t.getId(), t.getCode(), t.getLabel(), t.getDefaultMinutes(), t.isCouples(),
                t.isTreatment(), t.isActive(), t.getVersion());
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<HoursView> workingHours(StaffId therapistId) {
        return week.hours(therapistId.value()).stream()
                .map(h -> new HoursView(h.getId(), h.getDay(), h.getStarts(), h.getEnds())).toList();
    }

    /** Therapists keep their own hours; the practice manager keeps everyone's. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public HoursView addWorkingHours(StaffId therapistId, DayOfWeek day, LocalTime starts, LocalTime ends) {
        requireOwnOrAdmin(therapistId.value());
        if (starts == null || ends == null || !starts.isBefore(ends)) {
            throw new IllegalArgumentException("Working hours must end after they start.");
        }
        WorkingHours saved = week.add(new WorkingHours(therapistId.value(), day, starts, ends));
        auditLog.record(AuditAction.WORKING_HOURS_CHANGED, null, null, name(therapistId.value()) + ": added "
                + day.getDisplayName(TextStyle.FULL, Locale.UK) + " " + starts + "–" + ends);
        return new HoursView(saved.getId(), day, starts, ends);
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public void removeWorkingHours(StaffId therapistId, WorkingHoursId hoursId) {
        requireOwnOrAdmin(therapistId.value());
        week.removeHours(therapistId.value(), hoursId.value()).ifPresent(found -> {
            auditLog.record(AuditAction.WORKING_HOURS_CHANGED, null, null, name(therapistId.value()) + ": removed "
                    + found.getDay().getDisplayName(TextStyle.FULL, Locale.UK) + " " + found.getStarts() + "–"
                    + found.getEnds());
            leave.hoursNarrowed(therapistId.value());
        });
    }

    /** Extra hours on dates from {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<ExceptionView> exceptions(StaffId therapistId, LocalDate from, LocalDate to) {
        return week.extras(therapistId.value(), from, to).stream()
                .map(e -> new ExceptionView(e.getId(), e.getDay(), e.isExtra(), e.getStarts(), e.getEnds(),
                        e.getNote()))
                .toList();
    }

    /** Extra hours on one date, or (not {@code extra}) time away that day: whole, or part with both times. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public void addException(StaffId therapistId, LocalDate day, boolean extra, @Nullable LocalTime starts,
                             @Nullable LocalTime ends, @Nullable String note) {
        if (!extra) {
            leave.addTimeAway(therapistId, day, day, starts, ends, AwayReason.OTHER, note);
            return;
        }
        requireOwnOrAdmin(therapistId.value());
        if (day == null || starts == null || ends == null || !starts.isBefore(ends)) {
            throw new IllegalArgumentException("Extra hours need a date, a start and an end.");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (!StorableText.isStorable(text)) {
            throw new IllegalArgumentException(StorableText.REFUSAL);
        }
        if (text != null && text.length() > WorkingException.NOTE_MAX) {
            throw new IllegalArgumentException("Keep the note under " + WorkingException.NOTE_MAX + " characters.");
        }
        week.addExtra(new WorkingException(therapistId.value(), day, true, starts, ends, text));
        auditLog.record(AuditAction.WORKING_HOURS_CHANGED, null, null,
                name(therapistId.value()) + ": extra hours " + day
                + " " + starts + "–" + ends);
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public void removeException(StaffId therapistId, ExtraHoursId extra) {
        requireOwnOrAdmin(therapistId.value());
        week.removeExtra(therapistId.value(), extra.value()).ifPresent(found -> {
            auditLog.record(AuditAction.WORKING_HOURS_CHANGED, null, null,
                    name(therapistId.value()) + ": removed extra hours " + found.getDay());
            leave.hoursNarrowed(therapistId.value());
        });
    }

    private void requireOwnOrAdmin(long therapistId) {
        var me = currentUser.require();
        if (!me.isAdmin() && me.id() != therapistId) {
            throw new IllegalArgumentException("You can change your own working hours only.");
        }
    }

    private String name(long therapistId) {
        return SystemActor.call(() -> staff.displayNames(Set.of(therapistId))).getOrDefault(therapistId,
                "Former staff member");
    }
}
