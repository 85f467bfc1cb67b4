package app.thaw.intake.domain;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CoupleCaseRepository extends JpaRepository<CoupleCase, Long> {

    Optional<CoupleCase> findByInvitationTokenHash(String invitationTokenHash);
}
