package app.thaw.scheduling.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkingHoursRepository extends JpaRepository<WorkingHours, Long> {

    List<WorkingHours> findByTherapistIdOrderByDayOfWeekAscStartsAsc(long therapistId);
}
