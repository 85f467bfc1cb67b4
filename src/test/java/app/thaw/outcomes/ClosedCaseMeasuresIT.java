package app.thaw.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.IntegrationTest;
import app.thaw.SessionTimes;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.MeasureRequestId;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.CareActions;
import app.thaw.review.ClosureReason;
import app.thaw.review.ReferralKind;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/**
 * A closed case is asked nothing more: the questions sent before a session that was then cancelled (so the case could
 * close) leave the client's status page and stop taking answers by the emailed link, and reopening does not bring
 * them back. A request that slipped past the closing still takes nothing.
 */
@IntegrationTest
class ClosedCaseMeasuresIT {

    @Autowired IntakeService intake;
    @Autowired ClientStatusService clientStatus;
    @Autowired StaffAccountService staff;
    @Autowired ReferralService referrals;
    @Autowired CareActions care;
    @Autowired SchedulingService scheduling;
    @Autowired SessionChanges changes;
    @Autowired MeasureLinks links;
    @Autowired MeasureForms forms;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theQuestionsOfACancelledSessionCloseWithTheCaseAndStayClosedWhenItReopens() {
        var data = new ReviewTestData(intake, staff, jdbc);
        Couple couple = couple(data);
        String alexToken = couple.alex().receipt().statusToken();
        var invitation = clientStatus.measureInvitations(alexToken);
        assertThat(invitation).hasSize(1);
        String link = clientStatus.measureLink(alexToken, MeasureRequestId.of(invitation.getFirst().requestId()))
                .orElseThrow().substring("measures/".length());

        // the couple withdraw: the session is cancelled, then the case closed for both
        data.as("admin", () -> changes.cancel(AppointmentId.of(couple.session()), true, "The couple withdrew."));
        data.as("amira", () -> care.closeCase(IntakeId.of(couple.alex().id()), ClosureReason.CLIENT_WITHDREW, true));

        assertThat(clientStatus.measureInvitations(alexToken)).isEmpty();
        assertThat(clientStatus.measureInvitations(couple.sam().receipt().statusToken())).isEmpty();
        assertThat(clientStatus.measureLink(alexToken, MeasureRequestId.of(invitation.getFirst().requestId())))
                .isEmpty();
        assertThat(forms.open(link).orElseThrow().state()).isEqualTo(MeasureForm.State.EXPIRED);
        assertThat(forms.submit(link, csi())).isInstanceOf(MeasureSubmission.Gone.class);
        assertThat(clientAnswers(couple.alex().id())).isZero();

        data.as("amira", () -> care.reopenCase(IntakeId.of(couple.alex().id())));
        assertThat(clientStatus.measureInvitations(alexToken)).as("reopening brings no old questions back").isEmpty();
        assertThat(forms.submit(link, csi())).isInstanceOf(MeasureSubmission.Gone.class);
    }

    @Test
    void aRequestThatSlippedPastTheClosingTakesNoAnswers() {
        var data = new ReviewTestData(intake, staff, jdbc);
        Couple couple = couple(data);
        String alexToken = couple.alex().receipt().statusToken();
        long requestId = clientStatus.measureInvitations(alexToken).getFirst().requestId();
        String link = clientStatus.measureLink(alexToken, MeasureRequestId.of(requestId)).orElseThrow()
                .substring("measures/".length());
        data.as("admin", () -> changes.cancel(AppointmentId.of(couple.session()), true, "The couple withdrew."));
        data.as("amira", () -> care.closeCase(IntakeId.of(couple.alex().id()), ClosureReason.CLIENT_WITHDREW, true));
        // the daily job made it as the case closed: still open by its times
        jdbc.update("update measure_request set expires_at = ? where id = ?",
                Timestamp.from(Instant.now().plus(2, ChronoUnit.HOURS)), requestId);

        assertThat(forms.submit(link, csi())).isInstanceOf(MeasureSubmission.Gone.class);
        assertThat(clientAnswers(couple.alex().id())).isZero();
    }

    private record Couple(ReviewTestData.Submitted alex, ReviewTestData.Submitted sam, long session) {
    }

    /** A referred couple with a joint session tomorrow, whose questions have gone out. */
    private Couple couple(ReviewTestData data) {
        String word = ReviewTestData.uniqueWord();
        var alex = data.submit(IntakeFixtures.couplesAnswers("Alex " + word));
        var sam = data.submitPartner(alex.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers("Sam " + word));
        data.as("amira", () -> referrals.decideReferral(IntakeId.of(alex.id()), ReferralKind.COUPLES, "Joint work.",
                null));
        long couples = jdbc.queryForObject("select id from appointment_type where code = 'COUPLES'", Long.class);
        long tom = data.idOf("tom");
        BookingResult result = null;
        for (int attempt = 0; attempt < 5 && !(result instanceof BookingResult.Booked); attempt++) {
            ZonedDateTime start = app.thaw.FreeTimes.next();
            result = data.as("admin", () -> scheduling.book(new BookingRequest(alex.id(), sam.id(), tom, couples,
                    SessionFormat.ONLINE, null, start, null)));
        }
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        long session = ((BookingResult.Booked) result).session().id();
        SessionTimes.soon(jdbc, session);
        SystemActor.call(links::sendDue);
        return new Couple(alex, sam, session);
    }

    private int clientAnswers(long intakeId) {
        return jdbc.queryForObject("select count(*) from measure_response where intake_id = ? and source = 'CLIENT'",
                Integer.class, intakeId);
    }

    private static Map<String, List<String>> csi() {
        return Map.of("csi4.1", List.of("3"), "csi4.2", List.of("3"), "csi4.3", List.of("3"), "csi4.4", List.of("3"),
                "safety.partner_fear", List.of("no"));
    }
}
