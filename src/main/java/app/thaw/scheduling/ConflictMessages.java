package app.thaw.scheduling;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.PracticeTime;
import app.thaw.base.database.DatabaseRefusals;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.scheduling.domain.RoomRepository;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/**
 * Turns the database's refusals of a session into sentences people understand: an overlapping booking (SQLSTATE
 * 23P01), a therapist who no longer sees clients (V182, V186), a room taken out of use (V206).
 */
@Component
class ConflictMessages {

    /** The words V182's trigger raises (constraint appointment_therapist_active), which the driver reports. */
    private static final String THERAPIST_GONE = "the therapist of this session is no longer active";
    /** The words V206's trigger raises (constraint appointment_room_in_use). */
    private static final String ROOM_CLOSED = "the room of this session is no longer in use";
    private static final DateTimeFormatter TIME = PracticeTime.TIME;
    private static final DateTimeFormatter DAY = PracticeTime.DAY;

    private final AppointmentRepository appointments;
    private final SessionViews views;
    private final TransactionTemplate readOnly;
    private final HeldTimes held;
    private final StaffAccountService staff;
    private final RoomRepository rooms;

    ConflictMessages(AppointmentRepository appointments, SessionViews views, TransactionTemplate transactions,
                     HeldTimes held, StaffAccountService staff, RoomRepository rooms) {
        this.held = held;
        this.staff = staff;
        this.rooms = rooms;
        this.appointments = appointments;
        this.views = views;
        this.readOnly = new TransactionTemplate(
                Objects.requireNonNull(transactions.getTransactionManager(), "the context's template has its manager"));
        this.readOnly.setReadOnly(true);
    }

    static boolean isOverlap(DataIntegrityViolationException e) {
        return DatabaseRefusals.hasState(e, DatabaseRefusals.EXCLUSION_VIOLATION);
    }

    /** The database refused the session's therapist: they were deactivated (V182), perhaps a moment ago. */
    static boolean isTherapistGone(DataIntegrityViolationException e) {
        return DatabaseRefusals.refusedWith(e, DatabaseRefusals.CHECK_VIOLATION, THERAPIST_GONE);
    }

    /** Why a session cannot be with this therapist any more, and what to do. */
    String therapistGone(long therapistId) {
        String name = SystemActor.call(() -> staff.displayNames(java.util.Set.of(therapistId)))
                .getOrDefault(therapistId, "That therapist");
        return name + " no longer sees clients here (their account was deactivated or their role changed). Choose "
                + "another therapist.";
    }

    /** The database refused the session's room: it was taken out of use (V206), perhaps a moment ago. */
    static boolean isRoomClosed(DataIntegrityViolationException e) {
        return DatabaseRefusals.refusedWith(e, DatabaseRefusals.CHECK_VIOLATION, ROOM_CLOSED);
    }

    /** Why a session cannot go into this room, and what to do. */
    String roomClosed(@Nullable Long roomId) {
        String name = roomId == null ? "That room" : readOnly.execute(status -> rooms.findById(roomId)
                .map(room -> room.getName()).orElse("That room"));
        return name + " was taken out of use, perhaps a moment ago: sessions can no longer be booked or moved "
                + "there. Choose another room.";
    }

    /** "Dr Amira Khan already has a session 14:00–14:50" or the room's equivalent. */
    String describe(long therapistId, @Nullable Long roomId, Instant from, Instant to) {
        return readOnly.execute(status -> appointments.findClashes(from, to, therapistId, roomId).stream()
                .findFirst()
                .map(clash -> {
                    SessionView view = views.of(clash);
                    String when = DAY.format(clash.getStartsAt()) + " " + TIME.format(clash.getStartsAt()) + "–"
                            + TIME.format(clash.getEndsAt());
                    return clash.getTherapistId() == therapistId
                            ? view.therapistName() + " already has a session " + when
                            : view.roomName() + " is already booked " + when;
                })
                .orElseGet(() -> held.heldUntil(therapistId, roomId, from, to)
                        .map(until -> "That time is held for a client who has been offered it, until "
                                + DAY.format(until) + " " + TIME.format(until) + ". Please choose another time.")
                        .orElse("That time was just taken by another booking. Please choose another time.")));
    }
}
