package app.thaw.scheduling.domain;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ClosedDayRepository extends JpaRepository<ClosedDay, LocalDate> {

    List<ClosedDay> findByDayBetweenOrderByDayAsc(LocalDate from, LocalDate to);
}
