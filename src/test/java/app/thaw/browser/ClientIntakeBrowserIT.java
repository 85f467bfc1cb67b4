package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;

/** The client's journey on a phone, as a person would take it, with axe-core checking every page. */
class ClientIntakeBrowserIT extends BrowserTest {

    private static final Pattern REFERENCE = Pattern.compile("THW-[0-9A-Z]{6}");

    @Autowired
    IntakeService intake;

    @BeforeEach
    void onAPhone() {
        usePhone();
    }

    @Test
    void clientFillsInTheWholeFormOnAPhoneAndSeesTheirReference() {
        open("/");
        AxeCore.check(page, "the landing page");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the form")).click();

        step("About you");
        type("Your full name", "Sam Taylor");
        typeDate("Your date of birth", "14/03/1985");
        type("Your email address", "sam.example.com");
        type("Your phone number", "07700 900123");
        choose("How would you prefer us to get in touch?", "Email");
        choose("If we can't reach you, is it all right to leave a voicemail?", "No");
        choose("Is it all right to send you text messages?", "Yes");
        saveAndContinue();

        String problem = "This doesn't look like an email address — please check it";
        assertThat(field("Your email address").locator("[slot=error-message]")).hasText(problem);
        assertThat(page.locator(".error-summary")).containsText("Please check this answer");
        assertThat(page.locator(".error-summary")).containsText(problem);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("About you"))).isVisible();
        assertThat(input("Your full name")).hasValue("Sam Taylor");
        assertThat(input("Your date of birth")).hasValue("14/03/1985");
        assertThat(input("Your email address")).hasValue("sam.example.com");
        assertThat(input("Your phone number")).hasValue("07700 900123");
        assertThat(radio("How would you prefer us to get in touch?", "Email")).isChecked();
        assertThat(radio("If we can't reach you, is it all right to leave a voicemail?", "No")).isChecked();
        assertFitsTheScreen("About you, with an error");
        AxeCore.check(page, "About you, with an error");
        type("Your email address", "sam@example.com");
        saveAndContinue();

        step("What brings you here");
        type("In your own words, what has brought you here?",
                "Since my dad died last spring I haven't cried once, and my partner thinks I don't care.");
        choose("How long has it been hard to cry, or to feel things the way you used to?", "6 to 12 months");
        saveAndContinue();

        step("Numbness and crying");
        answerEveryQuestionInStepWith("Several days");
        saveAndContinue();

        step("Exhaustion and burnout");
        answerEveryQuestionInStepWith("More than half the days");
        saveAndContinue();

        step("How you learned to handle feelings");
        answerEveryQuestionInStepWith("Agree");
        saveAndContinue();

        step("Mood and anxiety");
        assertThat(page.locator(".section-form vaadin-radio-group")).hasCount(21);
        answerEveryQuestionInStepWith("Not at all");
        saveAndContinue();

        step("Medication and physical health");
        choose("Are you currently taking any medication for your mood or anxiety?", "No");
        tick("None of these");
        saveAndContinue();

        step("Your relationship");
        Locator howLong = radioGroup("How long have you been together?");
        assertThat(howLong).isHidden();
        choose("Are you in a relationship at the moment?", "Yes");
        assertThat(howLong).isVisible();
        assertThat(radioGroup("My partner and I struggle to talk about how we feel")).isVisible();
        AxeCore.check(page, "Your relationship, with its follow-up questions");
        choose("How long have you been together?", "1 to 5 years");
        answerEveryQuestionInStepWith("Agree");
        choose("Does your partner know you're looking for support?", "Yes");
        choose("If couples sessions were suggested, do you think your partner would come?", "I'm not sure");
        saveAndContinue();

        step("Safety");
        choose("Are you safe right now?", "Yes");
        choose("Do you ever feel afraid of your partner", "No");
        saveAndContinue();

        step("Your preferences");
        choose("What kind of sessions are you looking for?", "Individual sessions, just for me");
        choose("Would you prefer to meet in person or online?", "Online, by video");
        tick("Tuesday");
        tick("Evenings (after 5pm)");
        saveAndContinue();

        step("Consent");
        tick("I have read the privacy notice");
        tick("I agree to the practice contacting me");
        tick("I confirm that I am 18 or over.");
        saveAndContinue();

        step("Check your answers");
        Locator summary = page.locator(".review-summary");
        assertThat(summary).containsText("Sam Taylor");
        assertThat(summary).containsText("14 March 1985");
        assertThat(summary).containsText("sam@example.com");
        assertThat(summary).containsText("1 to 5 years");
        assertThat(summary).containsText("Individual sessions, just for me");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my form")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Thank you — we've received your form"))).isVisible();
        waitForVaadin();
        AxeCore.check(page, "the confirmation page");
        String reference = page.getByTestId("reference").textContent().strip();
        assertTrue(REFERENCE.matcher(reference).matches(), "reference " + reference);
        Locator statusLink = page.getByTestId("status-link");
        assertThat(statusLink).isVisible();
        assertThat(page.locator(".crisis-lines")).hasCount(0);
        assertThat(page.getByText("If you need help now")).hasCount(0);

        open(statusLink.getAttribute("href"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your form " + reference)))
                .isVisible();
        assertThat(page.locator(".status-state")).containsText("waiting for a therapist");
        AxeCore.check(page, "the status page");
    }

    @Test
    void riskAnswerShowsTheCrisisLinesOnConfirmation() {
        String token = intake.startDraft(null, "browser-test-risk").orElseThrow().token();
        Map<String, List<String>> answers = IntakeFixtures.completeAnswers("Alex Morgan")
                .with("phq9.9", "1").asMap();
        assertTrue(intake.saveAnswers(token, answers, "consent"));

        open("/intake/resume/" + token);
        assertThat(page.getByText("Welcome back")).isVisible();
        step("Consent");
        assertThat(checkbox("I confirm that I am 18 or over.")).isChecked();
        saveAndContinue();
        step("Check your answers");
        assertThat(page.locator(".review-summary")).containsText("Alex Morgan");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my form")).click();

        Locator crisis = page.locator(".crisis-lines");
        assertThat(crisis.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("If you need help now")))
                .isVisible();
        assertThat(crisis).containsText("not monitored around the clock");
        for (String number : List.of("999", "116 123", "85258", "0808 2000 247")) {
            assertThat(crisis.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(number)
                    .setExact(true))).isVisible();
        }
        assertThat(page.getByTestId("reference")).hasText(REFERENCE);
        waitForVaadin();
        AxeCore.check(page, "the confirmation page with crisis lines");
    }

    @Test
    void closingTheTabKeepsTheAnswers() {
        open("/intake");
        step("About you");
        type("Your full name", "Robin Ellis");
        input("Your full name").press("Tab");
        Locator resumeLink = page.getByTestId("resume-link");
        assertThat(resumeLink).isVisible();
        waitForVaadin();
        page.close();

        usePage(context.newPage());
        open("/intake");
        assertThat(page.getByText("Welcome back")).isVisible();
        assertThat(input("Your full name")).hasValue("Robin Ellis");
        String link = page.getByTestId("resume-link").getAttribute("href");
        assertThat(page.getByTestId("resume-link")).hasText(Pattern.compile(".*/intake/resume/.+"));

        usePhone();
        assertTrue(context.cookies().isEmpty(), "a fresh context has no cookie");
        open(link);
        assertThat(page.getByText("Welcome back")).isVisible();
        assertThat(input("Your full name")).hasValue("Robin Ellis");
        AxeCore.check(page, "a resumed form");
    }

    // ---- helpers: find things the way a person does, by what the screen says ----

    /** The step with this heading is showing, fits the phone's width and passes axe. */
    private void step(String heading) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading).setLevel(2)))
                .isVisible();
        waitForVaadin();
        assertFitsTheScreen(heading);
        AxeCore.check(page, "step '" + heading + "'");
    }

    /** Nothing makes a phone scroll sideways (WCAG 1.4.10, reflow). */
    private void assertFitsTheScreen(String where) {
        var overflow = (Number) page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 0, where + " is " + overflow + "px wider than the phone's screen");
    }

    private void saveAndContinue() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
    }

    private Locator input(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** The Vaadin field around the input with this label (where its error message sits). */
    private Locator field(String label) {
        return page.locator("vaadin-text-field, vaadin-text-area, vaadin-date-picker")
                .filter(new Locator.FilterOptions().setHas(input(label)));
    }

    private void type(String label, String text) {
        input(label).fill(text);
    }

    /** Types the date the UK way and confirms it, as on a keyboard. */
    private void typeDate(String label, String ddMmYyyy) {
        Locator date = input(label);
        assertThat(date).isEditable();
        date.pressSequentially(ddMmYyyy);
        date.press("Enter");
        date.press("Tab");
    }

    private Locator radioGroup(String question) {
        return page.locator("vaadin-radio-group").filter(new Locator.FilterOptions().setHasText(question));
    }

    private Locator radio(String question, String answer) {
        return radioGroup(question).getByRole(AriaRole.RADIO,
                new Locator.GetByRoleOptions().setName(answer).setExact(true));
    }

    private void choose(String question, String answer) {
        radio(question, answer).check();
    }

    private Locator checkbox(String label) {
        return page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(label));
    }

    private void tick(String label) {
        checkbox(label).check();
    }

    /** Picks {@code answer} in every visible question of this step that offers it (the scale sections). */
    private void answerEveryQuestionInStepWith(String answer) {
        Locator groups = page.locator(".section-form vaadin-radio-group:visible");
        int answered = 0;
        for (int i = 0; i < groups.count(); i++) {
            Locator option = groups.nth(i).getByRole(AriaRole.RADIO,
                    new Locator.GetByRoleOptions().setName(answer).setExact(true));
            if (option.count() == 1) {
                option.check();
                answered++;
            }
        }
        assertTrue(answered > 0, "no question in this step offers '" + answer + "'");
    }
}
