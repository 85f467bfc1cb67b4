package app.thaw.scheduling.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppointmentRepository extends JpaRepository<Appointment, Long> {

    /** Sessions that still hold time in the diary between two instants. */
    @Query("""
            select a from Appointment a
             where a.startsAt < :to and a.endsAt > :from
               and a.state <> app.thaw.scheduling.AppointmentState.CANCELLED
               and (:therapistId is null or a.therapistId = :therapistId)
             order by a.startsAt""")
    List<Appointment> findActiveBetween(Instant from, Instant to, Long therapistId);

    @Query("""
            select a from Appointment a
             where a.startsAt < :to and a.endsAt > :from and a.roomId in :roomIds
               and a.state <> app.thaw.scheduling.AppointmentState.CANCELLED""")
    List<Appointment> findActiveInRooms(Instant from, Instant to, Collection<Long> roomIds);

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
    @Query("""
            select a from Appointment a
             where a.startsAt < :to and a.endsAt > :from
               and a.state <> app.thaw.scheduling.AppointmentState.CANCELLED
               and (a.therapistId = :therapistId or (:roomId is not null and a.roomId = :roomId))
             order by a.startsAt""")
    List<Appointment> findClashes(Instant from, Instant to, long therapistId, Long roomId);
}
