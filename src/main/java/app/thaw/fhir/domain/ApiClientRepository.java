package app.thaw.fhir.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiClientRepository extends JpaRepository<ApiClient, Long> {

    List<ApiClient> findAllByOrderByCreatedAtDesc();
}
