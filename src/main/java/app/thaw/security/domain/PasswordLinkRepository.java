package app.thaw.security.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface PasswordLinkRepository extends JpaRepository<PasswordLink, Long> {

    /** Locked, so two tabs using one link at once set one password and refuse the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from PasswordLink l where l.tokenHash = :tokenHash")
    Optional<PasswordLink> findForUpdate(String tokenHash);

    Optional<PasswordLink> findByTokenHash(String tokenHash);

    @Query("select l from PasswordLink l where l.staffId = :staffId and l.usedAt is null and l.revokedAt is null")
    List<PasswordLink> findOpen(long staffId);

    @Query("select l from PasswordLink l where l.staffId in :staffIds and l.usedAt is null and l.revokedAt is null")
    List<PasswordLink> findOpen(Collection<Long> staffIds);
}
