package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;

/**
 * Issue 13's promise on real phones: every step of the questionnaire walked as a client would, on the individual,
 * couples and risk paths, at 320×640 and 390×844. On every step, with its problems showing and again answered
 * (follow-up questions open), every label, legend, option, hint and message shows all its words at normal and at
 * 200 % text size, and axe finds nothing serious (steps that look alike on every path are read by axe once a width);
 * then the review, the confirmation and the status page.
 */
class QuestionnaireOnPhonesBrowserIT extends BrowserTest {

    enum Path { INDIVIDUAL, COUPLES, RISK }

    static Stream<Arguments> walks() {
        return Stream.of(320, 390).flatMap(width -> Stream.of(Path.values())
                .map(path -> Arguments.of(path, width, width == 320 ? 640 : 844)));
    }

    @Autowired
    IntakeService intake;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    UserDetailsService staff;

    @Autowired
    JdbcTemplate jdbc;

    /** Steps whose questions differ by path; the others look alike on every path, so axe reads them once a width. */
    private static final java.util.Set<String> DIFFER_BY_PATH = java.util.Set.of("Contacting you safely",
            "Your relationship", "Safety", "Check your answers", "the confirmation page", "the status page");
    private static final java.util.Set<String> READ_BY_AXE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Path path;

    @ParameterizedTest(name = "{0} path at {1}×{2}")
    @MethodSource("walks")
    void everyWordOfEveryStepIsVisibleAndAccessible(Path walking, int width, int height) {
        path = walking;
        usePhone(width, height);
        String name = "Sam " + ReviewTestData.uniqueWord();
        open("/intake");

        step("About you", 1);
        // a phone opens its number pad for the date, on the input itself (the field's host does not pass it on)
        for (String part : List.of("Day", "Month", "Year")) {
            assertThat(input(part)).hasAttribute("inputmode", "numeric");
        }
        type("Your full name", name);
        type("Day", "14");
        type("Year", "1986");
        saveAndContinue();
        assertThat(field("Month")).hasAttribute("invalid", "");
        assertThat(page.locator(".error-summary a")).hasText("Your date of birth must include a month");
        assertThat(input("Your full name")).hasValue(name);
        Reflow.assertEveryWordVisible(page, "'About you' with a problem (" + path + ")");
        type("Month", "March");
        type("Your GP practice (optional)", "Ancoats Urban Village Medical Practice, Manchester");
        answered("About you");

        step("Contacting you safely", 2);
        switch (path) {
            case INDIVIDUAL -> tick("Email", "Phone calls");
            case COUPLES -> tick("Phone calls", "Voicemail messages");
            case RISK -> tick("None of these — I'll contact the practice myself");
        }
        assertThat(input("Your email address")).hasAttribute("inputmode", "email");
        assertThat(input("Your phone number")).hasAttribute("inputmode", "tel");
        type("Your email address", "sam.example.com");
        type("Your phone number", "07700 900123");
        saveAndContinue();
        assertThat(page.locator(".error-summary a")).hasText(
                "Your email address: this doesn't look like an email address — please check it");
        type("Your email address", "sam." + System.nanoTime() + "@example.org");
        answered("Contacting you safely");

        step("What brings you here", 3);
        type("In your own words, what has brought you here?",
                "Since my dad died last spring I haven't cried once, and my partner thinks I don't care.");
        choose("How long has it been hard to cry", "6 to 12 months");
        type("Has anything helped in the past, even a little?", "Long walks, sometimes.");
        answered("What brings you here");

        scaleStep("Numbness and crying", 4, "Several days");
        scaleStep("Exhaustion and burnout", 5, "More than half the days");
        scaleStep("How you learned to handle feelings", 6, "Agree");
        scaleStep("How you've been feeling", 7, "Several days");
        scaleStep("Low mood (PHQ-9)", 8, path == Path.RISK ? "Several days" : "Not at all");
        scaleStep("Anxiety (GAD-7)", 9, "Several days");

        step("Medication and physical health", 10);
        choose("Are you currently taking any medication", "Yes");
        type("Which medication, and roughly when did you start taking it?", "Sertraline, since last spring");
        tick("Another hormonal change");
        type("What is the other hormonal change, if you'd like to say?", "Thyroid tablets were changed");
        choose("Has a GP or another doctor talked with you", "I'm not sure");
        answered("Medication and physical health");

        step("Your relationship", 11);
        if (path == Path.INDIVIDUAL) {
            choose("Are you in a relationship at the moment?", "No");
        } else {
            choose("Are you in a relationship at the moment?", "Yes");
            choose("How long have you been together?", "1 to 5 years");
            answerEveryQuestionWith("Agree");
            choose("Does your partner know you're looking for support?", "Yes");
            choose("If couples sessions were suggested", "I'm not sure");
        }
        answered("Your relationship");

        step("Safety", 12);
        choose("Are you safe right now?", path == Path.RISK ? "No" : "Yes");
        if (path != Path.INDIVIDUAL) {
            choose("Do you ever feel afraid of your partner", path == Path.RISK ? "Yes" : "No");
        }
        if (path == Path.RISK) {
            type("If you feel able to, tell us a little more. You don't have to.",
                    "He checks my phone and I'm scared of what happens if I say no.");
        }
        answered("Safety");

        step("Your preferences", 13);
        choose("What kind of sessions are you looking for?", path == Path.INDIVIDUAL
                ? "Individual sessions, just for me" : "Couples sessions, with my partner");
        choose("Would you prefer to meet in person or online?", "Online, by video");
        tick("Tuesday", "Evenings (after 5pm)");
        type("Is there anything else you'd like your therapist to know before you meet?",
                "I work shifts, so evenings vary. ".repeat(120));
        assertThat(page.locator(".char-count").last()).containsText("characters left");
        answered("Your preferences");

        step("Consent", 14);
        if (path == Path.INDIVIDUAL) {
            readThePrivacyNotice();
        }
        tick("I have read the privacy notice", "I agree to the practice contacting me", "I confirm that I am 18 or over.");
        answered("Consent");

        step("Check your answers", 15);
        assertThat(page.locator(".review-summary")).containsText(name);
        assertThat(page.locator(".review-summary")).containsText("14 March 1986");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my form")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Thank you — we've received your form"))).isVisible();
        waitForVaadin();
        confirmation();
        everyWordVisibleAndAccessible("the confirmation page");

        String statusLink = page.getByTestId("status-link").getAttribute("href");
        if (path == Path.INDIVIDUAL) {
            bookASessionFor(page.getByTestId("reference").textContent().strip());
        }
        open(statusLink);
        assertThat(page.locator(".help-now a[href='tel:999']")).isVisible();
        assertThat(page.locator(".status-state")).hasText(path == Path.INDIVIDUAL
                ? Pattern.compile("^Your first session is on .+") : Pattern.compile("^Nothing is booked yet\\.$"));
        everyWordVisibleAndAccessible("the status page");
    }

    /** The notice the consent asks about opens beside the form, and reads whole on the phone. */
    private void readThePrivacyNotice() {
        Page notice = page.waitForPopup(() -> page.locator("#privacy-notice-link").click());
        notice.waitForLoadState();
        assertThat(notice.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Privacy notice")))
                .isVisible();
        assertThat(notice.locator(".privacy-notice")).containsText("years after your case is closed");
        Reflow.assertEveryWordVisible(notice, "the privacy notice");
        AxeCore.check(notice, "the privacy notice");
        notice.close();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Consent"))).isVisible();
    }

    private void confirmation() {
        var keeping = page.getByTestId("keeping-the-link");
        switch (path) {
            case INDIVIDUAL -> assertThat(keeping).containsText("We've also emailed this link to you");
            case COUPLES -> {
                assertThat(keeping).containsText("because you told us email isn't safe for you");
                assertThat(page.getByTestId("partner-link")).isVisible();
                assertThat(page.getByText("Or we can email the link to your partner")).hasCount(0);
            }
            case RISK -> {
                assertThat(page.locator(".crisis-lines")).isVisible();
                assertThat(keeping).containsText("because you told us email isn't safe for you");
            }
        }
    }

    /** The practice books the client's first session, as a practice manager would. */
    private void bookASessionFor(String reference) {
        var data = new ReviewTestData(intake, staff, jdbc);
        long intakeId = jdbc.queryForObject("select id from intake where reference = ?", Long.class, reference);
        long individual = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2028, 1, 10).plusDays(intakeId % 5),
                LocalTime.of(8, 0).plusMinutes(10 * (intakeId % 50)), ZoneId.of("Europe/London"));
        var booked = data.as("admin", () -> scheduling.book(new BookingRequest(intakeId, null, data.idOf("grace"),
                individual, SessionFormat.ONLINE, null, start, null)));
        assertTrue(booked instanceof BookingResult.Booked, "not booked: " + booked);
    }

    // ---- the checks on each step ----

    /** Arrived at step n: its heading, "step n of 15" with the time left, and its problems shown then checked. */
    private void step(String heading, int number) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading).setLevel(2)))
                .isVisible();
        waitForVaadin();
        assertThat(page.locator(".step-label")).hasText(Pattern.compile("^Step " + number + " of 15 · "
                + (number == 15 ? "check your answers and send$" : "about (a minute|\\d+ minutes) left$")));
        if (number < 15 && number > 1) {
            saveAndContinue();
            assertThat(page.locator(".error-summary")).isFocused();
            assertThat(page.locator(".error-summary h2")).hasText("There is a problem");
            Reflow.assertEveryWordVisible(page, "'" + heading + "' with its problems");
        } else if (number == 15) {
            everyWordVisibleAndAccessible("'" + heading + "'");
        }
    }

    /** The step answered, its follow-up questions open: every word visible and axe content; then on. */
    private void answered(String heading) {
        waitForVaadin();
        everyWordVisibleAndAccessible("'" + heading + "', answered");
        saveAndContinue();
    }

    private void everyWordVisibleAndAccessible(String where) {
        waitForVaadin();
        Reflow.assertEveryWordVisible(page, where + " (" + path + ")");
        String step = where.replaceAll("^'|', answered$|'$", "");
        String seen = page.viewportSize().width + " " + step + (DIFFER_BY_PATH.contains(step) ? " " + path : "");
        if (READ_BY_AXE.add(seen)) {
            AxeCore.check(page, where + " (" + path + ")");
        }
    }

    private void scaleStep(String heading, int number, String answer) {
        step(heading, number);
        answerEveryQuestionWith(answer);
        answered(heading);
    }

    // ---- finding things the way a person does, by what the screen says ----

    private void saveAndContinue() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
        waitForVaadin();
    }

    private Locator input(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private Locator field(String label) {
        return page.locator("vaadin-text-field, vaadin-text-area").filter(new Locator.FilterOptions()
                .setHas(input(label)));
    }

    private void type(String label, String text) {
        input(label).fill(text);
    }

    private void choose(String question, String answer) {
        page.locator("vaadin-radio-group").filter(new Locator.FilterOptions().setHasText(question))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(answer).setExact(true)).check();
    }

    private void tick(String... labels) {
        for (String label : labels) {
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(label)
                    .setExact(!label.startsWith("I "))).check();
        }
    }

    private void answerEveryQuestionWith(String answer) {
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
