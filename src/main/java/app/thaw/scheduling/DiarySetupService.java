package app.thaw.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.domain.StorableText;
import app.thaw.scheduling.domain.AppointmentType;
import app.thaw.scheduling.domain.AppointmentTypeRepository;
import app.thaw.scheduling.domain.Room;
import app.thaw.scheduling.domain.RoomRepository;
import app.thaw.scheduling.domain.WorkingException;
import app.thaw.scheduling.domain.WorkingExceptionRepository;
import app.thaw.scheduling.domain.WorkingHours;
import app.thaw.scheduling.domain.WorkingHoursRepository;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;

/** The shape of the diary: rooms, kinds of session and their lengths, therapists' hours and absences. */
@Service
@Transactional
public class DiarySetupService {

    public record RoomView(long id, String name, boolean active) {
    }

    public record TypeView(long id, String code, String label, int defaultMinutes, boolean couples) {
    }

    public record HoursView(long id, DayOfWeek day, LocalTime starts, LocalTime ends) {
    }

    public record ExceptionView(long id, LocalDate day, boolean extra, @Nullable LocalTime starts,
                                @Nullable LocalTime ends, @Nullable String note) {
    }

    private final RoomRepository rooms;
    private final AppointmentTypeRepository types;
    private final WorkingHoursRepository hours;
    private final WorkingExceptionRepository exceptions;
    private final CurrentUser currentUser;

    DiarySetupService(RoomRepository rooms, AppointmentTypeRepository types, WorkingHoursRepository hours,
                      WorkingExceptionRepository exceptions, CurrentUser currentUser) {
        this.rooms = rooms;
        this.types = types;
        this.hours = hours;
        this.exceptions = exceptions;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<RoomView> rooms() {
        return rooms.findAllByOrderByNameAsc().stream().map(r -> new RoomView(r.getId(), r.getName(), r.isActive()))
                .toList();
    }

    @RolesAllowed(Roles.ADMIN)
    public RoomView addRoom(String name) {
        String text = name == null ? "" : name.strip();
        if (!StorableText.isStorable(text)) {
            throw new IllegalArgumentException(StorableText.REFUSAL);
        }
        if (text.isEmpty() || text.length() > Room.NAME_MAX) {
            throw new IllegalArgumentException("A room needs a name of up to " + Room.NAME_MAX + " characters.");
        }
        try {
            Room room = rooms.saveAndFlush(new Room(text));
            return new RoomView(room.getId(), room.getName(), true);
        } catch (DataIntegrityViolationException duplicate) {
            throw new IllegalArgumentException("There is already a room called " + text + ".");
        }
    }

    @RolesAllowed(Roles.ADMIN)
    public void setRoomActive(long roomId, boolean active) {
        rooms.findById(roomId).orElseThrow().setActive(active);
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<TypeView> types() {
        return types.findAllByOrderByIdAsc().stream().filter(AppointmentType::isActive)
                .map(t -> new TypeView(t.getId(), t.getCode(), t.getLabel(), t.getDefaultMinutes(), t.isCouples()))
                .toList();
    }

    @RolesAllowed(Roles.ADMIN)
    public void setDefaultLength(long typeId, int minutes) {
        if (minutes < AppointmentType.MIN_MINUTES || minutes > AppointmentType.MAX_MINUTES) {
            throw new IllegalArgumentException("A session lasts between " + AppointmentType.MIN_MINUTES + " and "
                    + AppointmentType.MAX_MINUTES + " minutes.");
        }
        types.findById(typeId).orElseThrow().setDefaultMinutes(minutes);
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<HoursView> workingHours(long therapistId) {
        return hours.findByTherapistIdOrderByDayOfWeekAscStartsAsc(therapistId).stream()
                .map(h -> new HoursView(h.getId(), h.getDay(), h.getStarts(), h.getEnds())).toList();
    }

    /** Therapists keep their own hours; the practice manager keeps everyone's. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public HoursView addWorkingHours(long therapistId, DayOfWeek day, LocalTime starts, LocalTime ends) {
        requireOwnOrAdmin(therapistId);
        if (starts == null || ends == null || !starts.isBefore(ends)) {
            throw new IllegalArgumentException("Working hours must end after they start.");
        }
        WorkingHours saved = hours.save(new WorkingHours(therapistId, day, starts, ends));
        return new HoursView(saved.getId(), day, starts, ends);
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public void removeWorkingHours(long therapistId, long hoursId) {
        requireOwnOrAdmin(therapistId);
        hours.findById(hoursId).filter(h -> h.getTherapistId() == therapistId).ifPresent(hours::delete);
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<ExceptionView> exceptions(long therapistId, LocalDate from, LocalDate to) {
        return exceptions.findByTherapistIdAndDayBetweenOrderByDayAsc(therapistId, from, to).stream()
                .map(e -> new ExceptionView(e.getId(), e.getDay(), e.isExtra(), e.getStarts(), e.getEnds(),
                        e.getNote()))
                .toList();
    }

    /** A holiday or sick day (no times = the whole day), part of a day away, or extra hours. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public void addException(long therapistId, LocalDate day, boolean extra, @Nullable LocalTime starts,
                             @Nullable LocalTime ends, @Nullable String note) {
        requireOwnOrAdmin(therapistId);
        if ((starts == null) != (ends == null) || starts != null && !starts.isBefore(ends)
                || extra && starts == null) {
            throw new IllegalArgumentException(extra ? "Extra hours need a start and an end."
                    : "Give both times for part of a day, or neither for the whole day.");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (!StorableText.isStorable(text)) {
            throw new IllegalArgumentException(StorableText.REFUSAL);
        }
        if (text != null && text.length() > WorkingException.NOTE_MAX) {
            throw new IllegalArgumentException("Keep the note under " + WorkingException.NOTE_MAX + " characters.");
        }
        exceptions.save(new WorkingException(therapistId, day, extra, starts, ends, text));
    }

    private void requireOwnOrAdmin(long therapistId) {
        var me = currentUser.require();
        if (!me.isAdmin() && me.id() != therapistId) {
            throw new IllegalArgumentException("You can change your own working hours only.");
        }
    }
}
