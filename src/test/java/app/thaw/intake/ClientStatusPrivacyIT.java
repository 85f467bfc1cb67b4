package app.thaw.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import app.thaw.base.ids.AppointmentId;
import app.thaw.IntegrationTest;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;

/**
 * "A partner never sees the other's side", held in the service that builds the status: whatever one partner
 * does (starts or sends a form, answers that they are afraid, asks to change a joint session), the other
 * partner's status is exactly what it was.
 */
@IntegrationTest
class ClientStatusPrivacyIT {

    @Autowired
    IntakeService intake;

    @Autowired

    ClientStatusService clientStatus;

    @Autowired
    UserDetailsService staff;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPartnersFormAndTheirFearAnswerChangeNothingOnTheOtherPartnersStatus() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String word = ReviewTestData.uniqueWord();
        var inviter = data.submit(IntakeFixtures.couplesAnswers(word + " Inviter"));
        String statusToken = inviter.receipt().statusToken();
        ClientStatus before = clientStatus.status(statusToken).orElseThrow();
        assertThat(before.mayInvitePartner()).isTrue();

        String address = ReviewTestData.address();
        String partnerDraft = intake.startDraft(inviter.receipt().partnerInvitationToken(), address).orElseThrow()
                .token();
        Answers afraid = IntakeFixtures.couplesAnswers(word + " Partner")
                .with("safety.partner_fear", "yes").with("safety.partner_fear_detail", word + " frightens me");
        intake.saveAnswers(partnerDraft, afraid.asMap(), "safety");
        assertThat(clientStatus.status(statusToken)).as("the partner's form started").contains(before);

        var sent = (SubmissionOutcome.Submitted) intake.submit(partnerDraft, address, false);
        assertThat(sent.receipt().partnerIntake()).isTrue();
        ClientStatus after = clientStatus.status(statusToken).orElseThrow();

        assertThat(after).as("the partner's form sent, with a fear answer open").isEqualTo(before);
        assertThat(after.toString()).doesNotContain(word + " Partner").doesNotContain("frightens");
        // making a new link looks the same as before the partner joined; the link just leads nowhere now
        String renewed = clientStatus.renewPartnerInvitation(statusToken).orElseThrow();
        assertThat(intake.isPartnerInvitationOpen(renewed)).isFalse();
        assertThat(clientStatus.status(statusToken)).contains(before);
    }

    @Test
    void onAJointSessionEachPartnerSeesOnlyTheirOwnRequestAndTheSessionStaysBooked() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String word = ReviewTestData.uniqueWord();
        var first = data.submit(IntakeFixtures.couplesAnswers(word + " First"));
        var second = data.submitPartner(first.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers(word + " Second"));
        assertThat(clientStatus.status(first.receipt().statusToken()).orElseThrow().mayInvitePartner())
                .as("both forms in, nothing booked: the page cannot say the partner joined").isTrue();
        long couples = jdbc.queryForObject("select id from appointment_type where code = 'COUPLES'", Long.class);
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2027, 11, 1).plusDays(first.id() % 5),
                LocalTime.of(8, 0).plusMinutes(10 * (first.id() % 40)), ZoneId.of("Europe/London"));
        var booked = (BookingResult.Booked) data.as("admin", () -> scheduling.book(new BookingRequest(first.id(),
                second.id(), data.idOf("tom"), couples, SessionFormat.ONLINE, null, start, null)));
        long session = booked.session().id();

        ClientStatus firstBefore = clientStatus.status(first.receipt().statusToken()).orElseThrow();
        assertThat(firstBefore.stage()).isEqualTo(ClientStatus.Stage.BOOKED);
        // the session together already shows the partner joined: no new invitation link is offered beside it
        assertThat(firstBefore.mayInvitePartner()).isFalse();
        // and asked for anyway (an old tab, a replayed request), no link is made
        assertThat(clientStatus.renewPartnerInvitation(first.receipt().statusToken())).isEmpty();
        assertThat(firstBefore.earlierSessions()).isZero();
        assertThat(firstBefore.nextSession()).hasValueSatisfying(next -> {
            assertThat(next.start().toInstant()).isEqualTo(start.toInstant());
            assertThat(next.joint()).isTrue();
            assertThat(next.cancellableOnline()).isFalse();
            assertThat(next.changeRequested()).isFalse();
        });

        String reply = clientStatus.requestAppointmentChange(second.receipt().statusToken(),
                AppointmentId.of(session), true,
                word + " private reason");

        assertThat(reply).contains("passed your request");
        assertThat(jdbc.queryForObject("select state from appointment where id = ?", String.class, session))
                .isEqualTo("BOOKED");
        assertThat(clientStatus.status(first.receipt().statusToken())).as("the other partner's status").contains(firstBefore);
        assertThat(clientStatus.status(second.receipt().statusToken()).orElseThrow().nextSession())
                .hasValueSatisfying(next -> assertThat(next.changeRequested()).isTrue());
    }
}
