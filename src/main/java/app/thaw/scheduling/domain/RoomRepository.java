package app.thaw.scheduling.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RoomRepository extends JpaRepository<Room, Long> {

    List<Room> findByActiveTrueOrderByNameAsc();

    List<Room> findAllByOrderByNameAsc();

    /** Every room's name by id, as rows: a query string Hibernate translates once, and no entities to track. */
    @Query("select r.id, r.name from Room r")
    List<Object[]> idsAndNames();
}
