package app.thaw.intake.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithAnonymousUser;

import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;

/** The client's own journey on the status page: sees the session the practice booked, cancels it. */
@IntegrationTest
@WithAnonymousUser
class ClientSessionsTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;

    @Autowired
    UserDetailsService staff;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClientSeesTheirSessionAndCancelsItFromTheStatusPage() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var submitted = data.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Canceller"));
        long individual = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2027, 9, 6).plusDays(submitted.id() % 5),
                LocalTime.of(8, 0).plusMinutes(10 * (submitted.id() % 50)), ZoneId.of("Europe/London"));
        data.asInOwnThread("admin", () -> scheduling.book(new BookingRequest(submitted.id(), null,
                data.idOf("grace"), individual, SessionFormat.ONLINE, null, start, null)));

        navigate("status/" + submitted.receipt().statusToken(), StatusView.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Individual session with Grace Okafor")
                .contains("Online. We'll send you the link to join before the session.")
                .contains("Changing or cancelling a session");
        test(find(Button.class).withText("Cancel this session").single()).click();
        test(find(Button.class).withText("Cancel the session").single()).click();

        assertThat(find(Paragraph.class).withTextContaining("is cancelled").exists()).isTrue();
        // nothing left to move or cancel: no instructions for buttons that aren't there
        assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain("Changing or cancelling")
                .doesNotContain("Use the buttons under a session");
        assertThat(find(Button.class).withText("Cancel this session").exists()).isFalse();
        assertThat(jdbc.queryForObject("select state from appointment where intake_id = ?", String.class,
                submitted.id())).isEqualTo("CANCELLED");
    }

    @Test
    void eachPartnerSeesTheJointSessionButOnlyTheirOwnRequest() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String word = ReviewTestData.uniqueWord();
        var first = data.submit(IntakeFixtures.couplesAnswers(word + " Asker"));
        var second = data.submitPartner(first.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers(word + " Other"));
        long couples = jdbc.queryForObject("select id from appointment_type where code = 'COUPLES'", Long.class);
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2027, 12, 6).plusDays(first.id() % 5),
                LocalTime.of(8, 0).plusMinutes(10 * (first.id() % 40)), ZoneId.of("Europe/London"));
        data.asInOwnThread("admin", () -> scheduling.book(new BookingRequest(first.id(), second.id(),
                data.idOf("amira"), couples, SessionFormat.ONLINE, null, start, null)));

        navigate("status/" + first.receipt().statusToken(), StatusView.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Your first session is on",
                "Couples session with Dr Amira Khan", "a session with your partner");
        test(find(Button.class).withText("Ask to rearrange").single()).click();
        test(find(com.vaadin.flow.component.textfield.TextArea.class).single()).setValue(word + " only evenings");
        test(find(Button.class).withText("Send request").single()).click();
        assertThat(find(Paragraph.class).withTextContaining("You've asked to change this session").exists()).isTrue();

        navigate("status/" + second.receipt().statusToken(), StatusView.class);
        String partnersPage = getCurrentView().getElement().getTextRecursively();
        assertThat(partnersPage).contains("Your first session is on", "Couples session with Dr Amira Khan")
                .doesNotContain("asked to change").doesNotContain(word).doesNotContain("passed your request");
        assertThat(find(Button.class).withText("Ask to rearrange").exists()).isTrue();
    }

    @Test
    void sendRequestIsDisabledAtTheFirstTapAndReadyAgainAfterARefusal() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String word = ReviewTestData.uniqueWord();
        var first = data.submit(IntakeFixtures.couplesAnswers(word + " Tapper"));
        var second = data.submitPartner(first.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers(word + " Partner"));
        long couples = jdbc.queryForObject("select id from appointment_type where code = 'COUPLES'", Long.class);
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2027, 11, 1).plusDays(first.id() % 5),
                LocalTime.of(8, 0).plusMinutes(10 * (first.id() % 40)), ZoneId.of("Europe/London"));
        data.asInOwnThread("admin", () -> scheduling.book(new BookingRequest(first.id(), second.id(),
                data.idOf("amira"), couples, SessionFormat.ONLINE, null, start, null)));

        navigate("status/" + first.receipt().statusToken(), StatusView.class);
        test(find(Button.class).withText("Ask to rearrange").single()).click();
        var message = find(com.vaadin.flow.component.textfield.TextArea.class).single();
        var send = find(Button.class).withText("Send request").single();
        // the browser disables it at the first tap, so a double tap's second never reaches the server
        assertThat(send.isDisableOnClick()).isTrue();

        test(message).setValue("x".repeat(501));
        test(send).click();
        assertThat(message.isInvalid()).isTrue();
        assertThat(message.getErrorMessage()).startsWith("Please shorten your message");
        assertThat(send.isEnabled()).as("ready again once the message is put right").isTrue();

        test(message).setValue(word + " only evenings");
        test(send).click();
        assertThat(send.isEnabled()).isFalse();
        assertThat(find(Paragraph.class).withTextContaining("You've asked to change this session").exists()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from appointment_request where requested_by_intake_id = ?",
                Integer.class, first.id())).isEqualTo(1);
    }
}
