package app.thaw.care.domain;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface KeptNoteTextRepository extends JpaRepository<KeptNoteText, Long> {

    @Query("select k from KeptNoteText k where k.appointmentId = :appointmentId and k.authorId = :authorId "
            + "order by k.keptAt desc, k.id desc")
    List<KeptNoteText> findForAuthor(long appointmentId, long authorId);

    @Modifying
    @Query("delete from KeptNoteText k where k.id = :id and k.appointmentId = :appointmentId "
            + "and k.authorId = :authorId")
    int deleteForAuthor(long id, long appointmentId, long authorId);

    @Modifying
    @Query("delete from KeptNoteText k where k.keptAt < :before")
    int deleteKeptBefore(Instant before);
}
