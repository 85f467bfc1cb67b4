package app.thaw.scheduling.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AppointmentRequestRepository extends JpaRepository<AppointmentRequest, Long> {

    List<AppointmentRequest> findByHandledAtIsNullOrderByCreatedAtAsc();

    List<AppointmentRequest> findByAppointmentIdOrderByCreatedAtDesc(long appointmentId);
}
