package app.thaw.care.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SessionNoteRepository extends JpaRepository<SessionNote, Long> {

    Optional<SessionNote> findByAppointmentId(long appointmentId);

    /** Notes of sessions the client was in, alone or with their partner, oldest first. */
    @Query("select n from SessionNote n where n.intakeId = :intakeId or n.partnerIntakeId = :intakeId "
            + "order by n.createdAt, n.id")
    List<SessionNote> findForIntake(long intakeId);
}
