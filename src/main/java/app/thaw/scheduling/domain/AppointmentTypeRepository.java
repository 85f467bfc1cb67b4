package app.thaw.scheduling.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AppointmentTypeRepository extends JpaRepository<AppointmentType, Long> {

    List<AppointmentType> findAllByOrderByIdAsc();
}
