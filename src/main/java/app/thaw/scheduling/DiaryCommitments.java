package app.thaw.scheduling;

import java.time.Clock;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.scheduling.domain.AppointmentInserts;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.security.StaffCommitments;

/** A therapist's sessions still to come must go to a colleague or be cancelled before they leave. */
@Component
@Order(1) // before the caseload's turn (see CaseCommitments)
@Transactional(readOnly = true)
class DiaryCommitments implements StaffCommitments {

    private final AppointmentRepository appointments;
    private final AppointmentInserts inserts;
    private final Clock clock;

    DiaryCommitments(AppointmentRepository appointments, AppointmentInserts inserts, Clock clock) {
        this.appointments = appointments;
        this.inserts = inserts;
        this.clock = clock;
    }

    @Override
    public List<String> outstanding(long staffId) {
        // a booking in flight is counted; one after waits, then is refused by the database (V182) once they are gone
        inserts.takeTurn(staffId);
        int toCome = appointments.findBookedForTherapist(staffId, clock.instant(),
                clock.instant().plus(java.time.Duration.ofDays(3660))).size();
        return toCome == 0 ? List.of() : List.of(toCome + (toCome == 1 ? " session" : " sessions") + " to come");
    }
}
