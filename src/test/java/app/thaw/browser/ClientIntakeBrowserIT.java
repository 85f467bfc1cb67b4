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

/**
 * The client's journey on a phone, as a person would take it, with axe-core checking every page. The whole
 * questionnaire, walked step by step at two phone widths, is {@link QuestionnaireOnPhonesBrowserIT}.
 */
class ClientIntakeBrowserIT extends BrowserTest {

    private static final Pattern REFERENCE = Pattern.compile("THW-[0-9A-Z]{6}");

    @Autowired
    IntakeService intake;

    @BeforeEach
    void onAPhone() {
        usePhone();
    }

    @Test
    void theLandingPageFitsAPhone() {
        open("/");
        assertFitsTheScreen("the landing page");
        AxeCore.check(page, "the landing page");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the form")).click();
        step("About you");
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

    private void type(String label, String text) {
        input(label).fill(text);
    }

    private Locator checkbox(String label) {
        return page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(label));
    }
}
