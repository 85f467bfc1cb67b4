package app.thaw.scheduling.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppointmentTypeRepository extends JpaRepository<AppointmentType, Long> {

    List<AppointmentType> findAllByOrderByIdAsc();

    /** The kind of session with this name whatever its case (at most one: V197). */
    @Query("select t from AppointmentType t where lower(t.label) = lower(:label) order by t.id")
    List<AppointmentType> findByLabelIgnoreCase(String label);

    /** Every session type's label by id, as rows: a query string Hibernate translates once, and no entities. */
    @Query("select t.id, t.label from AppointmentType t")
    List<Object[]> idsAndLabels();
}
