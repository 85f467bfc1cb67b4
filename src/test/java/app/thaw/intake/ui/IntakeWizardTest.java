package app.thaw.intake.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;

import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.questionnaire.Answers;

@IntegrationTest
@WithAnonymousUser
class IntakeWizardTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void continuingWithoutRequiredAnswersShowsEachMessageNextToItsFieldAndKeepsWhatWasTyped() {
        navigate(IntakeWizardView.class);
        test(textField("Your full name")).setValue("Robin Typed");
        test(textField("Your email address")).setValue("robin@");

        click("Save and continue");

        assertThat(stepHeading()).isEqualTo("About you");
        TextField email = textField("Your email address");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).contains("doesn't look like an email address");
        assertThat(textField("Your full name").isInvalid()).isFalse();
        assertThat(textField("Your full name").getValue()).isEqualTo("Robin Typed");
        assertThat(find(ErrorSummary.class).single().isVisible()).isTrue();
        assertThat(find(Button.class).withTextContaining("doesn't look like an email").exists()).isTrue();
    }

    @Test
    void backAndNextKeepEveryAnswerAndConditionalQuestionsAppearWhenTheyApply() {
        String token = draft(IntakeFixtures.completeAnswers("Nico Next"), "relationship");
        navigate("intake/resume/" + token, IntakeWizardView.class);

        assertThat(stepHeading()).isEqualTo("Your relationship");
        assertThat(find(RadioButtonGroup.class).withLabel("How long have you been together?").exists()).isFalse();
        test(radioGroup("Are you in a relationship at the moment?")).selectItem("Yes");
        assertThat(find(RadioButtonGroup.class).withLabel("How long have you been together?").exists()).isTrue();

        click("Back");
        assertThat(stepHeading()).isEqualTo("Medication and physical health");
        click("Save and continue");
        assertThat(radioGroup("Are you in a relationship at the moment?").getValue()).isEqualTo("yes");
        assertThat(intake.resumeDraft(token).orElseThrow().answers().single("relationship.in_relationship"))
                .contains("yes");
    }

    @Test
    void theFirstAnswerCreatesADraftWhosePrivateLinkBringsEverythingBack() {
        navigate(IntakeWizardView.class);
        test(textField("Your full name")).setValue("Quinn Resume");

        Anchor link = find(Anchor.class).withAttribute("data-testid", "resume-link").single();
        String token = link.getHref().substring(link.getHref().lastIndexOf('/') + 1);
        UI.getCurrent().navigate("");
        navigate("intake/resume/" + token, IntakeWizardView.class);

        assertThat(textField("Your full name").getValue()).isEqualTo("Quinn Resume");
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withTextContaining("Welcome back").exists())
                .isTrue();
    }

    @Test
    void anUnknownResumeLinkSaysSoAndOffersAFreshForm() {
        navigate("intake/resume/" + "x".repeat(43), IntakeWizardView.class);

        assertThat(find(com.vaadin.flow.component.html.Paragraph.class)
                .withTextContaining("couldn't find a saved form").exists()).isTrue();
        assertThat(textField("Your full name").getValue()).isEmpty();
    }

    @Test
    void sendingFromTheReviewStepShowsTheReferenceAndStatusLinkWithoutCrisisLines() {
        String token = draft(IntakeFixtures.completeAnswers("Avery Calm"), "consent");
        navigate("intake/resume/" + token, IntakeWizardView.class);
        click("Save and continue");
        assertThat(stepHeading()).isEqualTo("Check your answers");
        assertThat(find(ReviewSummary.class).single().getElement().getTextRecursively()).contains("Avery Calm");

        click("Send my form");

        assertThat(getCurrentView()).isInstanceOf(ConfirmationView.class);
        assertThat(find(Span.class).withAttribute("data-testid", "reference").single().getText())
                .matches("THW-[0-9A-Z]{6}");
        assertThat(find(Anchor.class).withAttribute("data-testid", "status-link").exists()).isTrue();
        assertThat(find(CrisisLines.class).exists()).isFalse();
    }

    @Test
    void aRiskAnswerShowsUkCrisisLinesOnConfirmationAndStatus() {
        String token = draft(IntakeFixtures.completeAnswers("Sky Urgent").with("safety.safe_now", "no"), "consent");
        navigate("intake/resume/" + token, IntakeWizardView.class);
        click("Save and continue");
        click("Send my form");

        String text = find(CrisisLines.class).single().getElement().getTextRecursively();
        assertThat(text).contains("999", "NHS 111", "116 123", "85258", "0808 2000 247", "not monitored around the clock");
        String statusHref = find(Anchor.class).withAttribute("data-testid", "status-link").single().getHref();
        navigate(statusHref.substring(statusHref.indexOf("status/")), StatusView.class);
        assertThat(find(CrisisLines.class).exists()).isTrue();
    }

    @Test
    void aPartnersStatusPageNeverShowsTheOtherPartnersAnswers() {
        String first = draft(IntakeFixtures.couplesAnswers("Lee First")
                .with("presenting.what_brings_you", "Lee's private reason"), "consent");
        navigate("intake/resume/" + first, IntakeWizardView.class);
        click("Save and continue");
        click("Send my form");
        String partnerHref = find(Anchor.class).withAttribute("data-testid", "partner-link").single().getHref();
        String firstStatus = find(Anchor.class).withAttribute("data-testid", "status-link").single().getHref();

        navigate(partnerHref.substring(partnerHref.indexOf("intake/")), IntakeWizardView.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain("Lee");
        test(textField("Your full name")).setValue("Kim Second");
        String partnerToken = intake.resumeDraft(resumeToken()).orElseThrow().token();
        intake.saveAnswers(partnerToken, IntakeFixtures.couplesAnswers("Kim Second")
                .with("presenting.what_brings_you", "Kim's private reason").asMap(), "consent");
        navigate("intake/resume/" + partnerToken, IntakeWizardView.class);
        click("Save and continue");
        click("Send my form");
        String secondStatus = find(Anchor.class).withAttribute("data-testid", "status-link").single().getHref();

        navigate(firstStatus.substring(firstStatus.indexOf("status/")), StatusView.class);
        String firstPage = getCurrentView().getElement().getTextRecursively();
        assertThat(firstPage).contains("Your partner has sent their form too").doesNotContain("Kim");
        navigate(secondStatus.substring(secondStatus.indexOf("status/")), StatusView.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain("Lee");
    }

    @Test
    void aCouplesClientCanHaveThePartnerInvitationEmailedWithNothingTheyToldUs() {
        String token = draft(IntakeFixtures.couplesAnswers("Morgan Inviter")
                .with("presenting.what_brings_you", "Morgan's private words"), "consent");
        navigate("intake/resume/" + token, IntakeWizardView.class);
        click("Save and continue");
        click("Send my form");
        String partnerEmail = "partner-" + System.nanoTime() + "@example.org";

        test(find(TextField.class).withLabel("Or we can email the link to your partner").single()).setValue("nope");
        click("Email the invitation");
        assertThat(find(TextField.class).withLabel("Or we can email the link to your partner").single().isInvalid())
                .isTrue();
        test(find(TextField.class).withLabel("Or we can email the link to your partner").single())
                .setValue(partnerEmail);
        click("Email the invitation");

        var mail = jdbc.queryForMap("select subject, body_text from outbox_message where recipient = ?", partnerEmail);
        assertThat(mail.get("body_text").toString()).contains("Morgan", "/intake/partner/")
                .doesNotContain("private words").doesNotContain("Inviter");
    }

    private String resumeToken() {
        String href = find(Anchor.class).withAttribute("data-testid", "resume-link").single().getHref();
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private String draft(Answers answers, String section) {
        String token = intake.startDraft(null, "192.0.2.10").orElseThrow().token();
        intake.saveAnswers(token, answers.asMap(), section);
        return token;
    }

    private TextField textField(String label) {
        return find(TextField.class).withLabel(label).single();
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<String> radioGroup(String label) {
        List<RadioButtonGroup> groups = find(RadioButtonGroup.class).withLabel(label).all();
        return groups.getFirst();
    }

    private void click(String caption) {
        test(find(Button.class).withText(caption).single()).click();
    }

    private String stepHeading() {
        return find(H2.class).withAttribute("tabindex", "-1").single().getText();
    }
}
