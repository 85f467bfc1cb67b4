package app.thaw.scheduling.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AppointmentRequestRepository extends JpaRepository<AppointmentRequest, Long> {

    List<AppointmentRequest> findByHandledAtIsNullOrderByCreatedAtAsc();

    List<AppointmentRequest> findByAppointmentIdOrderByCreatedAtDesc(long appointmentId);

    List<AppointmentRequest> findByAppointmentIdAndHandledAtIsNull(long appointmentId);

    /** A client's requests on these sessions, newest first: what their status page says came of them. */
    List<AppointmentRequest> findByAppointmentIdInOrderByCreatedAtDesc(java.util.Collection<Long> appointmentIds);

    /** The requests still waiting about any session of this client's, joint ones too. */
    @org.springframework.data.jpa.repository.Query("""
            select r from AppointmentRequest r where r.handledAt is null and r.appointmentId in (
                select a.id from Appointment a where a.intakeId = :intakeId or a.partnerIntakeId = :intakeId)""")
    List<AppointmentRequest> findOpenForIntake(long intakeId);

    /** Which of these sessions have a client request still waiting, in one query for a whole diary page. */
    @org.springframework.data.jpa.repository.Query(
            "select distinct r.appointmentId from AppointmentRequest r where r.handledAt is null and r.appointmentId in :ids")
    java.util.Set<Long> findOpenRequestAppointmentIds(java.util.Collection<Long> ids);

    /** Which of these sessions one client (never their partner) has an open request on. */
    @org.springframework.data.jpa.repository.Query("""
            select distinct r.appointmentId from AppointmentRequest r
             where r.handledAt is null and r.requestedByIntakeId = :intakeId and r.appointmentId in :ids""")
    java.util.Set<Long> findOpenRequestAppointmentIdsBy(long intakeId, java.util.Collection<Long> ids);

    /** Whether this client already has an open request of this kind on the session (a double tap's first). */
    @org.springframework.data.jpa.repository.Query("""
            select count(r) > 0 from AppointmentRequest r
             where r.appointmentId = :appointmentId and r.requestedByIntakeId = :intakeId and r.kind = :kind
               and r.handledAt is null""")
    boolean hasOpen(long appointmentId, long intakeId, String kind);
}
