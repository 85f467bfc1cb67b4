package app.thaw.scheduling.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TimeAwayRepository extends JpaRepository<TimeAway, Long> {

    /** One therapist's time away touching the dates from {@code from} to {@code to}, inclusive. */
    @Query("""
            select t from TimeAway t where t.therapistId = :therapistId and t.lastDay >= :from and t.firstDay <= :to
             order by t.firstDay, t.starts""")
    List<TimeAway> findOverlapping(long therapistId, LocalDate from, LocalDate to);

    /** Everyone's (the practice week): several therapists at once. */
    @Query("""
            select t from TimeAway t where t.therapistId in :therapistIds and t.lastDay >= :from and t.firstDay <= :to
             order by t.firstDay, t.starts""")
    List<TimeAway> findOverlapping(Collection<Long> therapistIds, LocalDate from, LocalDate to);
}
