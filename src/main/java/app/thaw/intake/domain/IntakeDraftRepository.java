package app.thaw.intake.domain;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface IntakeDraftRepository extends JpaRepository<IntakeDraft, Long>, DraftAnswerMerge {

    Optional<IntakeDraft> findByTokenHash(String tokenHash);

    /** Keeps the first time the privacy consent was ticked, for the client's consent record. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update IntakeDraft d set d.privacyConsentAt = :now
             where d.tokenHash = :tokenHash and d.submittedIntakeId is null and d.privacyConsentAt is null""")
    int privacyConsentGiven(String tokenHash, Instant now);

    /** Unticking the consent withdraws it: a later tick is a new acceptance. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update IntakeDraft d set d.privacyConsentAt = null
             where d.tokenHash = :tokenHash and d.submittedIntakeId is null""")
    int privacyConsentWithdrawn(String tokenHash);

    /** Deletes an open form outright: its resume link and cookie find nothing from then on. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from IntakeDraft d where d.tokenHash = :tokenHash and d.submittedIntakeId is null")
    int deleteOpenByTokenHash(String tokenHash);

    @Modifying
    @Query("delete from IntakeDraft d where d.expiresAt <= :now")
    int deleteExpired(Instant now);

    /** Locks the draft row so two simultaneous submits of one form are handled one after the other. */
    @Query(value = "select * from intake_draft where token_hash = :tokenHash for update", nativeQuery = true)
    Optional<IntakeDraft> lockByTokenHash(String tokenHash);
}
