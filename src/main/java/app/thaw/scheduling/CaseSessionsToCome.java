package app.thaw.scheduling;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.Application;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.review.SessionsToCome;
import app.thaw.scheduling.domain.AppointmentRepository;

/** The diary's answer to "does this client still have sessions booked?", read in the caller's transaction. */
@Component
class CaseSessionsToCome implements SessionsToCome {

    private final AppointmentRepository appointments;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseSessionsToCome(AppointmentRepository appointments, JdbcTemplate jdbc, Clock clock) {
        this.appointments = appointments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(List<CaseGrant> clients) {
        clients.forEach(client -> client.requireFor(CaseOperation.CHANGE_CLINICAL, CaseOperation.ERASE));
        // the booking's side of the turn is the appointment trigger's (V179)
        jdbc.query("select hold_cases_from_booking(?)", ps -> ps.setArray(1, ps.getConnection().createArrayOf(
                "bigint", clients.stream().map(CaseGrant::intakeId).toArray())), rs -> { });
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ZonedDateTime> of(CaseGrant client) {
        client.requireFor(CaseOperation.CHANGE_CLINICAL, CaseOperation.READ_BOOKING_DETAILS);
        var now = clock.instant();
        return appointments.findForIntake(client.intakeId()).stream()
                .filter(a -> a.isToCome(now))
                .map(a -> a.getStartsAt().atZone(Application.PRACTICE_ZONE))
                .toList();
    }
}
