package app.thaw.intake.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;

import app.thaw.IntegrationTest;
import app.thaw.base.ui.ErrorSummary;
import app.thaw.base.ui.PublicLayout;
import app.thaw.base.ui.UrgentHelp;
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
    void continuingWithAProblemShowsItAtTheQuestionAndInASummaryThatNamesAndLinksToIt() {
        navigate(IntakeWizardView.class);
        assertThat(stepLabel()).matches("Step 1 of 15 · about 1[0-9] minutes left");
        test(textField("Your full name")).setValue("Robin Typed");
        test(textField("Day")).setValue("14");
        test(textField("Year")).setValue("1986");

        click("Save and continue");

        assertThat(stepHeading()).isEqualTo("About you");
        DateInput born = find(DateInput.class).single();
        assertThat(born.isInvalid()).isTrue();
        assertThat(born.getErrorMessage()).isEqualTo("Your date of birth must include a month");
        assertThat(textField("Month").isInvalid()).isTrue();
        assertThat(textField("Day").isInvalid()).isFalse();
        assertThat(textField("Your full name").isInvalid()).isFalse();
        assertThat(textField("Your full name").getValue()).isEqualTo("Robin Typed");
        ErrorSummary summary = find(ErrorSummary.class).single();
        assertThat(summary.isVisible()).isTrue();
        assertThat(find(H2.class).withText("There is a problem").exists()).isTrue();
        Anchor link = find(Anchor.class).withTextContaining("must include a month").single();
        assertThat(link.getText()).isEqualTo("Your date of birth must include a month");
        assertThat(link.getHref()).isEqualTo("#" + born.getId().orElseThrow());

        test(textField("Month")).setValue("March");
        click("Save and continue");
        assertThat(stepHeading()).isEqualTo("Contacting you safely");
        assertThat(stepLabel()).startsWith("Step 2 of 15 · about ");
    }

    @Test
    void eachQuestionLeftUnansweredIsNamedOnceInTheSummary() {
        String token = draft(IntakeFixtures.completeAnswers("Remy Rushed").without("about.contact_safe")
                .without("about.email").without("about.phone"), "contact");
        navigate("intake/resume/" + token, IntakeWizardView.class);
        assertThat(stepHeading()).isEqualTo("Contacting you safely");

        click("Save and continue");

        List<String> lines = find(Anchor.class).withCondition(a -> a.getHref().startsWith("#q-")).all().stream()
                .map(Anchor::getText).toList();
        assertThat(lines).containsExactly(
                "Which of these is it safe for us to use: please choose the ways it is safe to contact you, or "
                        + "'None of these'",
                "Your email address: please tell us your email address",
                "Your phone number: please tell us a phone number we can reach you on");
        assertThat(lines).doesNotHaveDuplicates();
    }

    @Test
    void aMistypedYearOfBirthIsCorrectedWithNothingLost() {
        String token = draft(IntakeFixtures.completeAnswers("Ash Adult"), "numbness");
        navigate("intake/resume/" + token, IntakeWizardView.class);
        for (int back = 0; back < 3; back++) {
            click("Back");
        }
        assertThat(stepHeading()).isEqualTo("About you");
        test(textField("Year")).setValue("2010");

        click("Save and continue");
        assertThat(find(AgeCheck.class).single().getElement().getTextRecursively()).contains("born on 14 March 2010");
        click("No, let me correct it");

        assertThat(find(AgeCheck.class).exists()).isFalse();
        assertThat(intake.resumeDraft(token).orElseThrow().answers().single("about.full_name")).contains("Ash Adult");
        test(textField("Year")).setValue("2001");
        click("Save and continue");
        assertThat(stepHeading()).isEqualTo("Contacting you safely");
    }

    @Test
    void aChangeFromCheckYourAnswersReturnsThereOnSave() {
        String token = draft(IntakeFixtures.completeAnswers("Cal Checking"), "consent");
        navigate("intake/resume/" + token, IntakeWizardView.class);
        click("Save and continue");
        assertThat(stepHeading()).isEqualTo("Check your answers");

        test(find(Button.class).withCondition(b -> "Change What brings you here".equals(b.getAriaLabel().orElse(null)))
                .single()).click();
        assertThat(stepHeading()).isEqualTo("What brings you here");
        test(find(TextArea.class).withLabel("In your own words, what has brought you here?").single())
                .setValue("Since the move I feel nothing at all.");
        click("Save and go back to your answers");

        assertThat(stepHeading()).isEqualTo("Check your answers");
        assertThat(find(ReviewStep.class).single().getElement().getTextRecursively())
                .contains("Since the move I feel nothing at all.");
        // an ordinary step after it goes on as before
        click("Back");
        assertThat(find(Button.class).withText("Save and continue").exists()).isTrue();
    }

    @Test
    void tooManyNewFormsFromOneConnectionKeepWhatIsTypedOnThePage() {
        navigate(IntakeWizardView.class);
        String bucket = "draft:" + com.vaadin.flow.server.VaadinRequest.getCurrent().getRemoteAddr();
        jdbc.update("insert into intake_rate_limit (bucket_key, tokens, updated_at) values (?, 0, now()) "
                + "on conflict (bucket_key) do update set tokens = 0, updated_at = now()", bucket);
        try {
            test(textField("Your full name")).setValue("Noor Shared-Office");

            assertThat(getCurrentView()).isInstanceOf(IntakeWizardView.class);
            assertThat(find(Paragraph.class).withTextContaining("can't save your answers for a minute").exists())
                    .isTrue();
            assertThat(find(Anchor.class).withAttribute("data-testid", "resume-link").exists()).isFalse();

            jdbc.update("delete from intake_rate_limit where bucket_key = ?", bucket);
            test(textField("Day")).setValue("14");

            assertThat(find(Paragraph.class).withTextContaining("can't save your answers").exists()).isFalse();
            assertThat(intake.resumeDraft(resumeToken()).orElseThrow().answers().single("about.full_name"))
                    .contains("Noor Shared-Office");
        } finally {
            jdbc.update("delete from intake_rate_limit where bucket_key = ?", bucket);
        }
    }

    @Test
    void someoneUnder18IsSignpostedAndNothingTheyTypedIsKept() {
        navigate(IntakeWizardView.class);
        test(textField("Your full name")).setValue("Kit Young");
        String token = resumeToken();
        test(textField("Day")).setValue("2");
        test(textField("Month")).setValue("9");
        int year = java.time.LocalDate.now().getYear() - 15;
        test(textField("Year")).setValue(String.valueOf(year));

        click("Save and continue");

        // first the question, since the refusal deletes everything: a mistyped year must not do it unasked
        String asked = find(AgeCheck.class).single().getElement().getTextRecursively();
        assertThat(asked).contains("born on 2 September " + year, "which would make you 1");
        assertThat(intake.resumeDraft(token)).isPresent();
        click("Yes, the date is right");

        assertThat(getCurrentView()).isInstanceOf(UnderAgeView.class);
        String page = getCurrentView().getElement().getTextRecursively();
        assertThat(page).contains("0800 1111", "Childline", "Kooth", "GP", "haven't kept anything you typed")
                .doesNotContain("Kit");
        assertThat(intake.resumeDraft(token)).isEmpty();
        navigate("intake/resume/" + token, IntakeWizardView.class);
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class)
                .withTextContaining("couldn't find a saved form").exists()).isTrue();
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
    void aRiskAnswerShowsUkCrisisLinesOnceAndTheStatusPageNeverSaysSo() {
        String token = draft(IntakeFixtures.completeAnswers("Sky Urgent").with("safety.safe_now", "no"), "consent");
        navigate("intake/resume/" + token, IntakeWizardView.class);
        // the consent asks whether the privacy notice was read: it is one tap away, without leaving the form
        Anchor notice = find(Anchor.class).withId("privacy-notice-link").single();
        assertThat(notice.getHref()).isEqualTo(PublicLayout.PRIVACY_NOTICE);
        assertThat(notice.getTarget()).contains(AnchorTarget.BLANK.getValue());
        click("Save and continue");
        click("Send my form");

        String text = find(CrisisLines.class).single().getElement().getTextRecursively();
        assertThat(text).contains("999", "NHS 111", "116 123", "85258", "0808 2000 247", "not monitored around the clock",
                "marked your form as urgent");
        String statusHref = find(Anchor.class).withAttribute("data-testid", "status-link").single().getHref();

        // the confirmation is shown once: from a shared computer's history it no longer gives the link away
        navigate(ConfirmationView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("This page has expired");
        assertThat(find(Anchor.class).withAttribute("data-testid", "status-link").exists()).isFalse();

        // whoever opens the status link (a partner among them) gets the help lines everyone gets, not the flag
        navigate(statusHref.substring(statusHref.indexOf("status/")), StatusView.class);
        assertThat(find(CrisisLines.class).exists()).isFalse();
        String status = find(UrgentHelp.class).single().getElement().getTextRecursively();
        assertThat(status).contains("999", "116 123", "0808 2000 247", "don't watch this page around the clock")
                .doesNotContain("marked your form as urgent", "your answers");
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
        assertThat(firstPage).contains("never shows whether they have").doesNotContain("Kim")
                .doesNotContainIgnoringCase("partner has sent");
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

    @Test
    void whenEmailIsSafeTheStatusLinkIsEmailedWithNothingTheClientToldUs() {
        String email = "safe-" + System.nanoTime() + "@example.org";
        String token = draft(IntakeFixtures.completeAnswers("Ola Emailed").with("about.email", email)
                .with("presenting.what_brings_you", "Ola's private words"), "consent");
        navigate("intake/resume/" + token, IntakeWizardView.class);
        click("Save and continue");
        click("Send my form");

        String statusHref = find(Anchor.class).withAttribute("data-testid", "status-link").single().getHref();
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withAttribute("data-testid",
                "keeping-the-link").single().getText()).startsWith("We've also emailed this link to you");
        var mail = jdbc.queryForMap("select subject, body_text from outbox_message where recipient = ?", email);
        assertThat(mail.get("body_text").toString()).contains(statusHref).doesNotContain("private words");
    }

    @Test
    void whenEmailIsNotSafeNothingIsSentNotEvenThePartnersInvitation() {
        String email = "unsafe-" + System.nanoTime() + "@example.org";
        String token = draft(IntakeFixtures.couplesAnswers("Noor Quiet").with("about.contact_safe", "phone")
                .with("about.email", email), "consent");
        navigate("intake/resume/" + token, IntakeWizardView.class);
        click("Save and continue");
        click("Send my form");

        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withAttribute("data-testid",
                "keeping-the-link").single().getText())
                .startsWith("We haven't emailed or texted you anything, because you told us email isn't safe for you")
                .contains("call the practice and give your reference");
        assertThat(find(Anchor.class).withAttribute("data-testid", "partner-link").exists()).isTrue();
        assertThat(find(TextField.class).withLabel("Or we can email the link to your partner").exists()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Long.class, email))
                .isZero();
        String invitation = find(Anchor.class).withAttribute("data-testid", "partner-link").single().getHref();
        String invitationToken = invitation.substring(invitation.lastIndexOf('/') + 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> intake.emailPartnerInvitation(invitationToken,
                        "partner-" + System.nanoTime() + "@example.org", "Noor", invitation))
                .hasMessageContaining("email isn't safe for you");
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

    private String stepLabel() {
        return find(com.vaadin.flow.component.html.Paragraph.class).withClassName("step-label").single().getText();
    }

    private String stepHeading() {
        return find(H2.class).withAttribute("tabindex", "-1").single().getText();
    }

    @Test
    @WithAnonymousUser
    void aClientWhoMistypesAnAddressIsLedBackToTheStartPageNotTheStaffWorkspace() {
        UI.getCurrent().navigate("intake-no-such-page");

        assertThat(getCurrentView()).isInstanceOf(app.thaw.base.ui.NotFoundView.class);
        Anchor back = find(Anchor.class).id("not-found-back");
        assertThat(back.getHref()).isEmpty();
        assertThat(back.getText()).isEqualTo("Go to the start page");
    }
}
