package app.thaw.privacy.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface WithheldPartRepository extends JpaRepository<WithheldPart, Long> {

    List<WithheldPart> findByRequestIdOrderByIdAsc(long requestId);

    @Modifying
    @Query("delete from WithheldPart w where w.requestId = :requestId")
    void deleteByRequestId(long requestId);
}
