package app.thaw.review.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewCaseRepository extends JpaRepository<ReviewCase, Long> {
}
