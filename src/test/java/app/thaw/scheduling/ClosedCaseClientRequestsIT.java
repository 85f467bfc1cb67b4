package app.thaw.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.IntegrationTest;
import app.thaw.SessionTimes;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.CareActions;
import app.thaw.review.ClosureReason;
import app.thaw.review.ReferralKind;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;

/**
 * A closed case leaves nothing in the practice's request list and takes no change from its client: a request about a
 * session that went by without its outcome recorded (closing only waits for sessions to come) closes with the case,
 * audited without the client's words, and the client can no longer cancel or ask about that past session.
 */
@IntegrationTest
class ClosedCaseClientRequestsIT {

    @Autowired IntakeService intake;
    @Autowired ClientStatusService clientStatus;
    @Autowired StaffAccountService staff;
    @Autowired StaffAdministration team;
    @Autowired SchedulingService scheduling;
    @Autowired ReferralService referrals;
    @Autowired CareActions care;
    @Autowired ClientRequestService requests;
    @Autowired JdbcTemplate jdbc;

    ReviewTestData data;
    WorkingWeekData week;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
        week = new WorkingWeekData(data, team, scheduling, jdbc);
    }

    @Test
    void aRequestLeftOpenClosesWithTheCaseAndThePastSessionTakesNoChange() {
        var client = data.submit(IntakeFixtures.completeAnswers("Eli " + ReviewTestData.uniqueWord()));
        data.as("amira", () -> referrals.decideReferral(IntakeId.of(client.id()), ReferralKind.INDIVIDUAL,
                "One to one.", null));
        SessionView session = week.book(new BookingRequest(client.id(), null, data.idOf("tom"),
                week.type("INDIVIDUAL"), SessionFormat.ONLINE, null, app.thaw.FreeTimes.next(), null, "Test"));
        String token = client.receipt().statusToken();
        clientStatus.requestAppointmentChange(token, AppointmentId.of(session.id()), false, "Could we do Fridays?");
        long requestId = jdbc.queryForObject("select id from appointment_request where appointment_id = ?",
                Long.class, session.id());
        // the session went by and nobody recorded whether the client came: it still says booked
        SessionTimes.happened(jdbc, session.id());

        data.as("amira", () -> care.closeCase(IntakeId.of(client.id()), ClosureReason.NO_RESPONSE, false));

        assertThat(data.as("admin", () -> requests.open())).extracting(ClientChangeRequest::requestId)
                .doesNotContain(requestId);
        assertThat(jdbc.queryForObject("select resolution from appointment_request where id = ?", String.class,
                requestId)).isEqualTo("HANDLED");
        assertThat(data.audit(client.id())).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("CLIENT_REQUEST_HANDLED");
            assertThat(row.get("detail")).isEqualTo("Request to rearrange closed with the case");
        });
        assertThat(clientStatus.requestUpdates(token)).singleElement()
                .satisfies(update -> assertThat(update.open()).isFalse());

        assertThatThrownBy(() -> clientStatus.requestAppointmentChange(token, AppointmentId.of(session.id()), true,
                null)).isInstanceOf(IllegalArgumentException.class).hasMessage("We couldn't find that session.");
        assertThatThrownBy(() -> clientStatus.requestAppointmentChange(token, AppointmentId.of(session.id()), false,
                "Again?")).isInstanceOf(IllegalArgumentException.class).hasMessage("We couldn't find that session.");
        assertThat(jdbc.queryForObject("select state from appointment where id = ?", String.class, session.id()))
                .isEqualTo("BOOKED");
        assertThat(jdbc.queryForObject("select count(*) from appointment_request where appointment_id = ?",
                Integer.class, session.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from care_event where intake_id = ? and kind = "
                + "'SESSION_CANCELLED'", Integer.class, client.id())).isZero();
    }
}
