package app.thaw.fhir.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiClientRepository extends JpaRepository<ApiClient, Long> {

    Optional<ApiClient> findByTokenHash(String tokenHash);

    List<ApiClient> findAllByOrderByCreatedAtDesc();
}
