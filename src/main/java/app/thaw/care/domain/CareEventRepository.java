package app.thaw.care.domain;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CareEventRepository extends JpaRepository<CareEventRecord, Long> {

    List<CareEventRecord> findByIntakeIdOrderByIdAsc(long intakeId);

    List<CareEventRecord> findByIntakeIdInOrderByIdAsc(Collection<Long> intakeIds);
}
