package app.thaw.security.domain;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface StaffSecondFactorRepository extends JpaRepository<StaffSecondFactor, Long> {

    Optional<StaffSecondFactor> findByStaffId(long staffId);

    /** Two tabs typing the same code at once: the row lock makes the second one a replay. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from StaffSecondFactor f where f.staffId = :staffId")
    Optional<StaffSecondFactor> lockByStaffId(long staffId);

    @Modifying
    @Query("delete from StaffSecondFactor f where f.staffId = :staffId")
    int deleteByStaffId(long staffId);
}
