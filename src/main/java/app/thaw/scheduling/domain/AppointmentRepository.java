package app.thaw.scheduling.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AppointmentRepository extends JpaRepository<Appointment, Long> {

    /**
     * No session is longer than this, so one overlapping a window starts at most this long before it: the bound
     * lets the (therapist|room, starts_at) indexes read just the window, not every earlier session.
     */
    Duration LONGEST = Duration.ofMinutes(AppointmentType.MAX_MINUTES);

    /**
     * The session, its row locked until the transaction ends: a change decides on the state it sees here, and a rival
     * change (a cancellation on another screen) waits for it, then sees what it did.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Appointment a where a.id = :id")
    Optional<Appointment> findForChange(long id);

    /**
     * Sessions that still hold time in the diary between two instants, one therapist's or everyone's. Two queries,
     * not one with "(:therapistId is null or …)": once pgjdbc prepares that on the server, PostgreSQL's generic
     * plan reads the whole practice's window instead of one therapist's index range (60-80 ms instead of 1 ms at
     * 2M sessions).
     */
    default List<Appointment> findActiveBetween(Instant from, Instant to, @Nullable Long therapistId) {
        return therapistId == null ? findAllActiveOverlapping(from, to, from.minus(LONGEST))
                : findTherapistActiveOverlapping(from, to, from.minus(LONGEST), therapistId);
    }

    @Query("""
            select a from Appointment a
             where a.startsAt < :to and a.startsAt > :earliestStart and a.endsAt > :from
               and a.state <> app.thaw.scheduling.AppointmentState.CANCELLED
             order by a.startsAt""")
    List<Appointment> findAllActiveOverlapping(Instant from, Instant to, Instant earliestStart);

    @Query("""
            select a from Appointment a
             where a.therapistId = :therapistId and a.startsAt < :to and a.startsAt > :earliestStart
               and a.endsAt > :from and a.state <> app.thaw.scheduling.AppointmentState.CANCELLED
             order by a.startsAt""")
    List<Appointment> findTherapistActiveOverlapping(Instant from, Instant to, Instant earliestStart, long therapistId);

    /** Sessions in a window with the cancelled ones too (the diary "with cancelled sessions"). */
    default List<Appointment> findAllBetween(Instant from, Instant to, @Nullable Long therapistId) {
        return therapistId == null ? findAllOverlappingWithCancelled(from, to, from.minus(LONGEST))
                : findTherapistOverlappingWithCancelled(from, to, from.minus(LONGEST), therapistId);
    }

    @Query("""
            select a from Appointment a
             where a.startsAt < :to and a.startsAt > :earliestStart and a.endsAt > :from
             order by a.startsAt""")
    List<Appointment> findAllOverlappingWithCancelled(Instant from, Instant to, Instant earliestStart);

    @Query("""
            select a from Appointment a
             where a.therapistId = :therapistId and a.startsAt < :to and a.startsAt > :earliestStart
               and a.endsAt > :from
             order by a.startsAt""")
    List<Appointment> findTherapistOverlappingWithCancelled(Instant from, Instant to, Instant earliestStart,
                                                            long therapistId);

    /** A therapist's sessions still to come (booked), soonest first: what a handover or time away must place. */
    @Query("""
            select a from Appointment a
             where a.therapistId = :therapistId and a.state = app.thaw.scheduling.AppointmentState.BOOKED
               and a.startsAt >= :from and a.startsAt < :to
             order by a.startsAt""")
    List<Appointment> findBookedForTherapist(long therapistId, Instant from, Instant to);

    /** The times one therapist's sessions hold between two instants, without loading the sessions. */
    default List<BusyTime> findTherapistBusy(Instant from, Instant to, long therapistId) {
        return findTherapistBusyStartingAfter(from, to, from.minus(LONGEST), therapistId);
    }

    @Query("""
            select new app.thaw.scheduling.domain.BusyTime(a.startsAt, a.endsAt, a.roomId) from Appointment a
             where a.therapistId = :therapistId and a.startsAt < :to and a.startsAt > :earliestStart
               and a.endsAt > :from and a.state <> app.thaw.scheduling.AppointmentState.CANCELLED""")
    List<BusyTime> findTherapistBusyStartingAfter(Instant from, Instant to, Instant earliestStart, long therapistId);

    /** The times the rooms are taken between two instants, without loading the sessions. */
    default List<BusyTime> findRoomsBusy(Instant from, Instant to, Collection<Long> roomIds) {
        return findRoomsBusyStartingAfter(from, to, from.minus(LONGEST), roomIds);
    }

    @Query("""
            select new app.thaw.scheduling.domain.BusyTime(a.startsAt, a.endsAt, a.roomId) from Appointment a
             where a.roomId in :roomIds and a.startsAt < :to and a.startsAt > :earliestStart
               and a.endsAt > :from and a.state <> app.thaw.scheduling.AppointmentState.CANCELLED""")
    List<BusyTime> findRoomsBusyStartingAfter(Instant from, Instant to, Instant earliestStart,
                                              Collection<Long> roomIds);

    /** A client's sessions, joint ones included; one id, so Hibernate keeps the SQL (an IN list is re-translated). */
    @Query("""
            select a from Appointment a
             where (a.intakeId = :intakeId or a.partnerIntakeId = :intakeId)
             order by a.startsAt""")
    List<Appointment> findForIntake(long intakeId);

    @Query("""
            select a from Appointment a
             where a.state = app.thaw.scheduling.AppointmentState.BOOKED
               and a.startsAt >= :from and a.startsAt < :to
             order by a.startsAt""")
    List<Appointment> findBookedStartingBetween(Instant from, Instant to);

    /** The session that holds a therapist's or a room's time, to name it in a conflict message. */
    default List<Appointment> findClashes(Instant from, Instant to, long therapistId, @Nullable Long roomId) {
        return findClashesStartingAfter(from, to, from.minus(LONGEST), therapistId, roomId);
    }

    @Query("""
            select a from Appointment a
             where a.startsAt < :to and a.startsAt > :earliestStart and a.endsAt > :from
               and a.state <> app.thaw.scheduling.AppointmentState.CANCELLED
               and (a.therapistId = :therapistId or (:roomId is not null and a.roomId = :roomId))
             order by a.startsAt""")
    List<Appointment> findClashesStartingAfter(Instant from, Instant to, Instant earliestStart, long therapistId,
                                               @Nullable Long roomId);
}
