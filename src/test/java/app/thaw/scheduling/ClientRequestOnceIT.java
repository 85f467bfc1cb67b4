package app.thaw.scheduling;

import static app.thaw.Races.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.AppointmentId;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;

/**
 * A client's request to rearrange or cancel is made once however often it is sent: a double tap, or the same tap
 * from two tabs at the same moment, leaves one open request (staff see it once, the status page says once what came
 * of it), and the second answer is the first's.
 */
@IntegrationTest
class ClientRequestOnceIT {

    @Autowired
    IntakeService intake;

    @Autowired
    ClientStatusService clientStatus;

    @Autowired
    StaffAccountService staff;

    @Autowired
    StaffAdministration team;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    JdbcTemplate jdbc;

    ReviewTestData data;
    WorkingWeekData week;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
        week = new WorkingWeekData(data, team, scheduling, jdbc);
    }

    @Test
    void askingTwiceToRearrangeLeavesOneOpenRequestAndTheSameAnswer() {
        var client = data.submit(IntakeFixtures.completeAnswers("Twice " + ReviewTestData.uniqueWord()));
        String token = client.receipt().statusToken();
        SessionView session = week.bookFirstFree(week.online(client.id(), data.idOf("grace"),
                WorkingWeekData.at(WorkingWeekData.farMonday(), 9, 0)));

        String first = clientStatus.requestAppointmentChange(token, AppointmentId.of(session.id()), false, "Evenings");
        String second = clientStatus.requestAppointmentChange(token, AppointmentId.of(session.id()), false, "Evenings");

        assertThat(second).isEqualTo(first).startsWith("We've passed your request");
        assertThat(openRequests(session.id(), client.id())).isEqualTo(1);
        assertThat(data.auditActions(client.id())).filteredOn("CLIENT_REQUEST"::equals).hasSize(1);
        assertThat(clientStatus.requestUpdates(token)).hasSize(1);
    }

    @Test
    void aDoubleTapArrivingAtTheSameMomentStillMakesOneRequestAndEachPartnerKeepsTheirOwn() throws Exception {
        String word = ReviewTestData.uniqueWord();
        var alex = data.submit(IntakeFixtures.couplesAnswers("Alex " + word));
        var sam = data.submitPartner(alex.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers("Sam " + word));
        for (int round = 0; round < 3; round++) {
            SessionView joint = week.bookFirstFree(new BookingRequest(alex.id(), sam.id(), data.idOf("amira"),
                    week.type("COUPLES"), SessionFormat.ONLINE, null,
                    WorkingWeekData.at(WorkingWeekData.farMonday(), 9, 0), null));
            AppointmentId id = AppointmentId.of(joint.id());

            List<String> answers = race(
                    () -> clientStatus.requestAppointmentChange(alex.receipt().statusToken(), id, true, null),
                    () -> clientStatus.requestAppointmentChange(alex.receipt().statusToken(), id, true, null));

            assertThat(answers.get(0)).isEqualTo(answers.get(1)).startsWith("We've passed your request about");
            assertThat(openRequests(joint.id(), alex.id())).as("round %d", round).isEqualTo(1);
            // the partner's request is theirs, and asking to rearrange as well is a request of another kind
            clientStatus.requestAppointmentChange(sam.receipt().statusToken(), id, true, null);
            clientStatus.requestAppointmentChange(alex.receipt().statusToken(), id, false, "Mornings");
            assertThat(openRequests(joint.id(), sam.id())).isEqualTo(1);
            assertThat(openRequests(joint.id(), alex.id())).isEqualTo(2);
        }
    }

    @Test
    void theDatabaseKeepsOneOpenRequestOfAKindPerClientAndSession() {
        var client = data.submit(IntakeFixtures.completeAnswers("Kept " + ReviewTestData.uniqueWord()));
        SessionView session = week.bookFirstFree(week.online(client.id(), data.idOf("grace"),
                WorkingWeekData.at(WorkingWeekData.farMonday(), 9, 0)));
        String insert = "insert into appointment_request (appointment_id, requested_by_intake_id, kind, created_at) "
                + "values (?, ?, 'REARRANGE', ?)";
        jdbc.update(insert, session.id(), client.id(), Timestamp.from(Instant.now()));

        assertThatThrownBy(() -> jdbc.update(insert, session.id(), client.id(), Timestamp.from(Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
        // once the first is dealt with, the client may ask again
        jdbc.update("update appointment_request set handled_at = now(), resolution = 'HANDLED' where appointment_id = ?",
                session.id());
        jdbc.update(insert, session.id(), client.id(), Timestamp.from(Instant.now()));
        assertThat(openRequests(session.id(), client.id())).isEqualTo(1);
    }

    private int openRequests(long appointmentId, long intakeId) {
        return jdbc.queryForObject("select count(*) from appointment_request where appointment_id = ? "
                + "and requested_by_intake_id = ? and handled_at is null", Integer.class, appointmentId, intakeId);
    }
}
