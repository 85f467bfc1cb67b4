package app.thaw.care.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SessionNoteAddendumRepository extends JpaRepository<SessionNoteAddendum, Long> {

    List<SessionNoteAddendum> findByNoteIdOrderByIdAsc(long noteId);
}
