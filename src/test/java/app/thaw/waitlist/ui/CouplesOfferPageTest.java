package app.thaw.waitlist.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithAnonymousUser;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.ui.StatusView;
import app.thaw.review.CareActions;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReferralKind;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.waitlist.OfferService;
import app.thaw.waitlist.WaitlistTestData;

/**
 * A couple's offer, as each partner meets it: the page, their status page and the email say the times went to them
 * both and that the first of them to choose books for both; the partner who did not choose is told their partner did.
 */
@IntegrationTest
@WithAnonymousUser
class CouplesOfferPageTest extends SpringBrowserlessTest {

    private static final String FOR_BOTH = "We have sent them to each of you, and the first of you to choose one "
            + "books it for you both straight away, so please agree on a time together before you choose.";

    @Autowired
    IntakeService intake;
    @Autowired
    StaffAccountService staff;
    @Autowired
    CaseOpeningService caseOpening;
    @Autowired
    ReferralService referrals;
    @Autowired
    CareActions care;
    @Autowired
    OfferService offers;
    @Autowired
    JdbcTemplate jdbc;

    ReviewTestData data;
    WaitlistTestData waiting;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
        waiting = new WaitlistTestData(data, caseOpening, referrals, care, jdbc);
    }

    @Test
    void eachPartnerIsToldTheTimesWentToBothAndThatTheFirstChoiceBooksForBoth() {
        String word = ReviewTestData.uniqueWord();
        String alexEmail = "alex-" + word.toLowerCase(Locale.ROOT) + "@example.org";
        String samEmail = "sam-" + word.toLowerCase(Locale.ROOT) + "@example.org";
        var alex = data.submit(IntakeFixtures.couplesAnswers("Alex " + word).with("about.email", alexEmail));
        var sam = data.submitPartner(alex.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers("Sam " + word).with("about.email", samEmail));
        data.as("amira", () -> caseOpening.openCase(CaseReference.of(alex.reference())));
        data.as("amira", () -> referrals.decideReferral(IntakeId.of(alex.id()), ReferralKind.COUPLES, "Joint work.",
                null));
        data.as("amira", () -> care.addToWaitingList(IntakeId.of(alex.id()), true));
        data.as("amira", () -> offers.offer(IntakeId.of(alex.id()), waiting.amiraOnline(2, 80), null));

        // each partner's email says so
        for (String email : new String[] {alexEmail, samEmail}) {
            assertThat(latest("SLOT_OFFER", email)).contains("We have sent these times to you both, each with your "
                    + "own link. The first of you to choose one books it for you both, so please agree on a time "
                    + "together before you choose.");
        }

        // Sam's status page, and Alex's offer link, say so above the times
        navigate("status/" + sam.receipt().statusToken(), StatusView.class);
        assertThat(howToChoose()).startsWith("We are keeping these times for you both until ").endsWith(FOR_BOTH);
        navigate("offer/" + waiting.offerLink(alex.id()), OfferView.class);
        assertThat(howToChoose()).startsWith("We are keeping these times for you both until ").endsWith(FOR_BOTH);

        // Alex chooses: Alex's confirmation is the usual one, Sam's says Alex's partner chose it
        test(find(Button.class).withText("Choose this time").all().getFirst()).click();
        long session = jdbc.queryForObject("select id from appointment where intake_id = ? and state <> 'CANCELLED'",
                Long.class, alex.id());
        assertThat(confirmation(session, alexEmail)).contains("Your appointment is booked.")
                .doesNotContain("partner");
        assertThat(confirmation(session, samEmail)).contains("Your partner has chosen this time from the ones we "
                + "offered you both, so your appointment together is booked.").doesNotContain("Alex");
    }

    @Test
    void aClientAloneIsNotToldAboutAPartner() {
        var lee = waiting.waitingClient("Lee " + ReviewTestData.uniqueWord());
        data.as("amira", () -> offers.offer(IntakeId.of(lee.id()), waiting.amiraOnline(2, 50), null));

        navigate("offer/" + waiting.offerLink(lee.id()), OfferView.class);

        assertThat(howToChoose()).startsWith("We are keeping these times for you until ")
                .endsWith("Choose the one that suits you; it is booked straight away.");
    }

    private String howToChoose() {
        return find(Paragraph.class).withId("offer-how-to-choose").single().getText();
    }

    private String latest(String kind, String email) {
        return jdbc.queryForObject("select body_text from outbox_message where kind = ? and recipient = ? "
                + "order by id desc limit 1", String.class, kind, email);
    }

    private String confirmation(long appointmentId, String email) {
        return jdbc.queryForObject("select body_text from outbox_message where kind = 'BOOKED' and appointment_id = ? "
                + "and recipient = ?", String.class, appointmentId, email);
    }
}
