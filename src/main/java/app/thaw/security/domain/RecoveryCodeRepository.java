package app.thaw.security.domain;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from RecoveryCode c where c.staffId = :staffId and c.codeHash = :codeHash and c.usedAt is null")
    Optional<RecoveryCode> lockUnused(long staffId, String codeHash);

    @Query("select count(c) from RecoveryCode c where c.staffId = :staffId and c.usedAt is null")
    int countUnused(long staffId);

    @Modifying
    @Query("delete from RecoveryCode c where c.staffId = :staffId")
    int deleteByStaffId(long staffId);
}
