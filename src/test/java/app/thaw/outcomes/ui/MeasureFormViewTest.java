package app.thaw.outcomes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithAnonymousUser;

import app.thaw.FreeTimes;
import app.thaw.IntegrationTest;
import app.thaw.SessionTimes;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.MeasureRequestId;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.outcomes.MeasureLinks;
import app.thaw.review.ReferralKind;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/** The measures form sent with nothing answered: its summary names each question missed and links to it. */
@IntegrationTest
@WithAnonymousUser
class MeasureFormViewTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;
    @Autowired
    StaffAccountService staff;
    @Autowired
    ReferralService referrals;
    @Autowired
    SchedulingService scheduling;
    @Autowired
    MeasureLinks links;
    @Autowired
    ClientStatusService clientStatus;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachQuestionLeftUnansweredIsNamedInTheSummaryAndLinksToItsQuestion() {
        navigate("measures/" + couplesMeasuresToken(), MeasureFormView.class);

        test(find(Button.class).withText("Send my answers").single()).click();

        assertThat(find(Div.class).withId("error-summary").single().isVisible()).isTrue();
        assertThat(find(H2.class).withText("Please answer every question").exists()).isTrue();
        List<Anchor> links = find(Anchor.class).withCondition(a -> a.getHref().startsWith("#q-")).all();
        assertThat(links).extracting(Anchor::getText).containsExactly(
                "Please indicate the degree of happiness, all things considered…: please choose an answer",
                "I have a warm and comfortable relationship with my partner: please choose an answer",
                "How rewarding is your relationship with your partner: please choose an answer",
                "In general, how satisfied are you with your relationship: please choose an answer",
                "Since your last session, have you felt afraid of your partner…: please choose an answer");
        // each link goes to its own question, which says what to fix under it
        for (Anchor link : links) {
            String question = link.getHref().substring(1);
            assertThat(link.getElement().getAttribute("data-question")).isEqualTo(question);
            RadioButtonGroup<?> field = find(RadioButtonGroup.class).withId(question).single();
            assertThat(field.isInvalid()).isTrue();
            assertThat(field.getErrorMessage()).isEqualTo("Please choose an answer");
        }
        assertThat(links).extracting(Anchor::getHref).doesNotHaveDuplicates();
    }

    /** A couple's first session tomorrow: the partner's questions before it (relationship and feeling safe). */
    private String couplesMeasuresToken() {
        var data = new ReviewTestData(intake, staff, jdbc);
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
            var start = FreeTimes.next();
            result = data.as("admin", () -> scheduling.book(new BookingRequest(alex.id(), sam.id(), tom, couples,
                    SessionFormat.ONLINE, null, start, null)));
        }
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        SessionTimes.soon(jdbc, ((BookingResult.Booked) result).session().id());
        SystemActor.call(links::sendDue);
        String statusToken = sam.receipt().statusToken();
        long request = clientStatus.measureInvitations(statusToken).getFirst().requestId();
        return clientStatus.measureLink(statusToken, MeasureRequestId.of(request)).orElseThrow()
                .substring("measures/".length());
    }
}
