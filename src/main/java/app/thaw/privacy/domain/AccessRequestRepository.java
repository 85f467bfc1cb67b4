package app.thaw.privacy.domain;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import app.thaw.privacy.AccessRequestStatus;

public interface AccessRequestRepository extends JpaRepository<AccessRequest, Long> {

    /** Newest first. */
    List<AccessRequest> findByIntakeIdOrderByRecordedAtDescIdDesc(long intakeId);

    List<AccessRequest> findByReviewerIdAndStatusOrderByReceivedOnAscIdAsc(long reviewerId,
                                                                            AccessRequestStatus status);

    /** The request, locked until the transaction ends, so a manager and a clinician acting at once take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from AccessRequest r where r.id = :id")
    Optional<AccessRequest> lockById(long id);
}
