package app.thaw.scheduling.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RoomRepository extends JpaRepository<Room, Long> {

    /** Rooms in use, by name as people read it ("garden room" beside "Garden room", not after "Room 3"). */
    @Query("select r from Room r where r.active order by lower(r.name), r.id")
    List<Room> findActiveInNameOrder();

    @Query("select r from Room r order by lower(r.name), r.id")
    List<Room> findAllInNameOrder();

    /** The room with this name whatever its case (at most one: V197). */
    @Query("select r from Room r where lower(r.name) = lower(:name) order by r.id")
    List<Room> findByNameIgnoreCase(String name);

    /** Every room's name by id, as rows: a query string Hibernate translates once, and no entities to track. */
    @Query("select r.id, r.name from Room r")
    List<Object[]> idsAndNames();
}
