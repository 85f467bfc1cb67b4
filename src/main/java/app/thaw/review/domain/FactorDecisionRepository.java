package app.thaw.review.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FactorDecisionRepository extends JpaRepository<FactorDecision, Long> {

    List<FactorDecision> findByIntakeIdOrderByDecidedAtAscIdAsc(long intakeId);
}
