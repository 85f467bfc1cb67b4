package app.thaw.intake.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface IntakeRepository extends JpaRepository<Intake, Long> {

    Optional<Intake> findByStatusTokenHash(String statusTokenHash);

    Optional<Intake> findByDraftId(long draftId);

    Optional<Intake> findByReference(String reference);

    boolean existsByReference(String reference);

    List<Intake> findByEmailIgnoreCaseOrderBySubmittedAtDesc(String email);

    List<Intake> findByCoupleCaseIdOrderBySubmittedAtAsc(long coupleCaseId);

    long countByCoupleCaseId(long coupleCaseId);

    @Modifying
    @Query("update Intake i set i.status = app.thaw.intake.IntakeStatus.NEW "
            + "where i.coupleCaseId = :coupleCaseId and i.status = app.thaw.intake.IntakeStatus.AWAITING_PARTNER")
    int partnerArrived(long coupleCaseId);

    /** Demo data only: the demo client's status page at a published address (DemoIntakeSeeding). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Intake i set i.statusTokenHash = :statusTokenHash where i.id = :id")
    int useStatusTokenHash(long id, String statusTokenHash);
}
