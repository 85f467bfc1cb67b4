package app.thaw.scheduling.domain;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkingExceptionRepository extends JpaRepository<WorkingException, Long> {

    List<WorkingException> findByTherapistIdAndDayBetweenOrderByDayAsc(long therapistId, LocalDate from, LocalDate to);
}
