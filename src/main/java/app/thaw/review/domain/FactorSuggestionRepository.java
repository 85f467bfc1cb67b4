package app.thaw.review.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FactorSuggestionRepository extends JpaRepository<FactorSuggestionRecord, Long> {

    List<FactorSuggestionRecord> findByIntakeIdOrderByIdAsc(long intakeId);

    boolean existsByIntakeId(long intakeId);

    boolean existsByIntakeIdAndTagId(long intakeId, String tagId);
}
