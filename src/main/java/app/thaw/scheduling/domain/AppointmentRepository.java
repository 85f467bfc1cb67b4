package app.thaw.scheduling.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppointmentRepository extends JpaRepository<Appointment, Long> {

    /**
     * No session is longer than this, so one overlapping a window starts at most this long before it: the bound
     * lets the (therapist|room, starts_at) indexes read just the window, not every earlier session.
     */
    Duration LONGEST = Duration.ofMinutes(AppointmentType.MAX_MINUTES);

    /** Sessions that still hold time in the diary between two instants. */
    default List<Appointment> findActiveBetween(Instant from, Instant to, Long therapistId) {
        return findActiveOverlapping(from, to, from.minus(LONGEST), therapistId);
    }

    @Query("""
            select a from Appointment a
             where a.startsAt < :to and a.startsAt > :earliestStart and a.endsAt > :from
               and a.state <> app.thaw.scheduling.AppointmentState.CANCELLED
               and (:therapistId is null or a.therapistId = :therapistId)
             order by a.startsAt""")
    List<Appointment> findActiveOverlapping(Instant from, Instant to, Instant earliestStart, Long therapistId);

    default List<Appointment> findActiveInRooms(Instant from, Instant to, Collection<Long> roomIds) {
        return findActiveInRoomsOverlapping(from, to, from.minus(LONGEST), roomIds);
    }

    @Query("""
            select a from Appointment a
             where a.startsAt < :to and a.startsAt > :earliestStart and a.endsAt > :from and a.roomId in :roomIds
               and a.state <> app.thaw.scheduling.AppointmentState.CANCELLED""")
    List<Appointment> findActiveInRoomsOverlapping(Instant from, Instant to, Instant earliestStart,
                                                   Collection<Long> roomIds);

    @Query("""
            select a from Appointment a
             where (a.intakeId in :intakeIds or a.partnerIntakeId in :intakeIds)
             order by a.startsAt""")
    List<Appointment> findForIntakes(Collection<Long> intakeIds);

    @Query("""
            select a from Appointment a
             where a.state = app.thaw.scheduling.AppointmentState.BOOKED
               and a.startsAt >= :from and a.startsAt < :to
             order by a.startsAt""")
    List<Appointment> findBookedStartingBetween(Instant from, Instant to);

    /** The session that holds a therapist's or a room's time, to name it in a conflict message. */
    default List<Appointment> findClashes(Instant from, Instant to, long therapistId, Long roomId) {
        return findClashesStartingAfter(from, to, from.minus(LONGEST), therapistId, roomId);
    }

    @Query("""
            select a from Appointment a
             where a.startsAt < :to and a.startsAt > :earliestStart and a.endsAt > :from
               and a.state <> app.thaw.scheduling.AppointmentState.CANCELLED
               and (a.therapistId = :therapistId or (:roomId is not null and a.roomId = :roomId))
             order by a.startsAt""")
    List<Appointment> findClashesStartingAfter(Instant from, Instant to, Instant earliestStart, long therapistId,
                                               Long roomId);
}
