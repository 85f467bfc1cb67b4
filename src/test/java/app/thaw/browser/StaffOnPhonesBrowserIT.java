package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import app.thaw.dev.DemoStaffAccounts;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.review.ReviewTestData;
import app.thaw.security.TotpTestCodes;

/**
 * What a therapist meets on a phone, at the narrowest width (320×640, the reflow width of WCAG 1.4.10) and at an
 * everyday one (390×844): signing in (password, then the authenticator code), the case queue searched for this
 * test's own client, that client's case, and the diary. On every page nothing is cut off sideways: the page does not
 * scroll sideways, and the controls used there lie inside the screen. A page that doesn't fit says which of its
 * elements stick out past the screen's edge. At 320 px the therapist also confirms one suggested contributing factor
 * and rejects another, turns the phone sideways and back, and a practice manager assigns a case from the queue.
 */
class StaffOnPhonesBrowserIT extends StaffPhoneTest {

    private static final String THERAPIST = "amira";
    private static final String AMIRA = "Dr Amira Khan";

    @Test
    void aTherapistsPagesFitThe320PixelPhone() {
        walkThroughAt(320, 640);
    }

    @Test
    void aTherapistsPagesFitThe390PixelPhone() {
        walkThroughAt(390, 844);
    }

    @Test
    void aTherapistConfirmsOneSuggestedFactorAndRejectsAnotherOnThe320PixelPhone() {
        String surname = ReviewTestData.uniqueWord();
        String name = "Sasha " + surname;
        String reference = data().submit(burnoutAndAnxiety(name)).reference();
        searchQueueOnPhoneAs(THERAPIST, surname);
        page.locator("vaadin-grid-cell-content .queue-card strong").filter(new Locator.FilterOptions()
                .setHasText(name)).click();
        page.waitForURL("**/staff/cases/" + reference);
        waitForVaadin();

        assertThat(page.locator(".factor")).hasCount(2);
        Locator confirm = button("Confirm Emotional burnout");
        Locator reject = button("Reject Anxiety");
        assertThat(factor("Emotional burnout").locator(".factor-state")).hasText("Suggested · not yet decided");
        assertThat(factor("Anxiety").locator(".factor-state")).hasText("Suggested · not yet decided");
        assertFits("the case's contributing factors", 320, control("the 'Confirm Emotional burnout' button", confirm),
                control("the 'Reject Anxiety' button", reject));
        confirm.tap();
        assertThat(factor("Emotional burnout").locator(".factor-state"))
                .containsText("Suggested · confirmed by " + AMIRA);
        assertThat(confirm).hasAttribute("aria-pressed", "true");
        reject.tap();
        assertThat(factor("Anxiety").locator(".factor-state")).containsText("Suggested · rejected by " + AMIRA);
        assertThat(reject).hasAttribute("aria-pressed", "true");
        assertThat(confirm).hasAttribute("aria-pressed", "true");
        assertFits("the case's decided factors", 320, control("the 'Confirm Emotional burnout' button", confirm),
                control("the 'Reject Anxiety' button", reject));
        assertNothingPastTheFactorsPanel(320);

        assertThat(jdbc.queryForList("""
                select d.tag_id || ' ' || d.decision || ' ' || s.username from factor_decision d
                  join intake i on i.id = d.intake_id join staff_account s on s.id = d.decided_by
                 where i.reference = ? order by d.id""", String.class, reference))
                .containsExactly("emotional_burnout CONFIRMED amira", "anxiety REJECTED amira");

        // the phone's Back returns to the queue as the therapist left it; the menu's "Cases" opens it afresh
        page.goBack();
        page.waitForURL("**/staff");
        waitForVaadin();
        Locator search = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions()
                .setName("Search by name or reference"));
        assertThat(search).hasValue(surname);
        Locator card = page.locator("vaadin-grid-cell-content .queue-card strong").filter(new Locator.FilterOptions()
                .setHasText(name).setVisible(true));
        assertThat(card).isVisible();
        card.click();
        page.waitForURL("**/staff/cases/" + reference);
        page.locator("vaadin-drawer-toggle").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cases").setExact(true)).click();
        waitForVaadin();
        assertThat(search).hasValue("");
    }

    @Test
    void aCouplesCaseWithThePartnersRiskUnreviewedFitsThe320PixelPhone() {
        String surname = ReviewTestData.uniqueWord();
        var alex = data().submit(IntakeFixtures.couplesAnswers("Alex " + surname));
        var sam = data().submitPartner(alex.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers("Sam " + surname).with("safety.safe_now", "no"));
        usePhone(320, 640);
        open("/login");
        signInAs(THERAPIST, DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/cases/" + alex.reference());

        // the warning whole on the screen, its link to the partner's risk within reach
        Locator warning = page.locator(".partner-risk");
        assertThat(warning).containsText("Sam " + surname + "'s answers raised an urgent risk");
        Locator review = warning.getByRole(AriaRole.LINK);
        assertFits("the partner's unreviewed risk", 320, control("the warning", warning),
                control("its link", review));
        PhoneFit.assertNothingCutOff(page, "the partner's unreviewed risk", 320, warning);
        // each question over the partners' two answers, side by side and each named (three columns were a word a
        // line), and the scores under their names, nothing past the screen's edge
        Locator row = page.locator(".answers-table tbody tr[data-item='presenting.what_brings_you']");
        row.scrollIntoViewIfNeeded();
        String read = PhoneFit.assertNothingCutOff(page, "a question with both partners' answers", 320, row);
        assertThat(read).contains("In your own words, what has brought you here?");
        assertThat(row.locator("td").evaluateAll("cells => cells.map(c => getComputedStyle(c, '::before').content)"))
                .as("each answer named above it")
                .isEqualTo(List.of("\"Alex " + surname + "\"", "\"Sam " + surname + "\""));
        var question = row.locator("th").boundingBox();
        var alexAnswer = row.locator("td").nth(0).boundingBox();
        var samAnswer = row.locator("td").nth(1).boundingBox();
        assertThat(question.width).as("the question across the row").isGreaterThan(alexAnswer.width + samAnswer.width);
        assertThat(alexAnswer.y).as("the answers under the question").isGreaterThanOrEqualTo(
                question.y + question.height - 1);
        assertThat(samAnswer.y).as("the partners' answers side by side").isCloseTo(alexAnswer.y,
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(samAnswer.x).isGreaterThanOrEqualTo(alexAnswer.x + alexAnswer.width - 1);
        assertFits("a couple's scores", 320, control("the scores", page.locator(".scores-table")));

        review.click();
        page.waitForURL("**/staff/cases/" + sam.reference() + "**");
        assertThat(page.locator(".risk-panel")).isVisible();
    }

    @Test
    void aPhoneTurnedSidewaysAndBackStillFitsTheQueue() {
        String surname = ReviewTestData.uniqueWord();
        String name = "Robin " + surname;
        data().submit(IntakeFixtures.completeAnswers(name));
        searchQueueOnPhoneAs(THERAPIST, surname);
        Locator card = page.locator("vaadin-grid-cell-content .queue-card strong")
                .filter(new Locator.FilterOptions().setHasText(name).setVisible(true));

        // turning the phone resizes the window: Vaadin's client reports the new size, under the strict policy too
        for (int[] size : new int[][] {{640, 320}, {320, 640}}) {
            page.setViewportSize(size[0], size[1]);
            waitForVaadin();
            assertThat(card).isVisible();
            assertFits("the case queue at " + size[0] + "×" + size[1], size[0],
                    control("the client's name in the queue", card));
        }
    }

    @Test
    void aPhoneOnItsSideShowsTheQueueAsCardsWithNothingScrolledAway() {
        String surname = ReviewTestData.uniqueWord();
        String name = "Rowan " + surname;
        data().submit(IntakeFixtures.completeAnswers(name));
        // an iPhone SE held sideways: from 600 to 767 px the queue's seven columns scrolled 118 px past the screen
        usePhone(667, 375);
        open("/login");
        signInAs(THERAPIST, DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff");
        searchQueueFor(surname);
        Locator card = page.locator("vaadin-grid-cell-content .queue-card strong")
                .filter(new Locator.FilterOptions().setHasText(name).setVisible(true));
        assertThat(card).isVisible();
        assertThat(GridColumns.assertAllColumnsInSight(page.locator(".review-queue vaadin-grid"),
                "the queue at 667 px")).containsExactly("Cases");
        assertFits("the case queue at 667×375", 667, control("the client's name in the queue", card));
        assertReadableHeight("the case queue", page.locator(".review-queue vaadin-grid"), 375);
        assertThat(page.locator(".review-queue vaadin-grid").boundingBox().height).as("no taller than the screen")
                .isLessThanOrEqualTo(375);
    }

    @Test
    void aPracticeManagerAssignsACaseFromTheQueueOnAPhone() {
        String surname = ReviewTestData.uniqueWord();
        String name = "Morgan " + surname;
        String reference = data().submit(IntakeFixtures.completeAnswers(name)).reference();
        searchQueueOnPhoneAs("admin", surname);

        Locator dialog = openAssignDialogFor(name, reference);
        Locator therapist = therapistField(dialog);
        therapist.click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(AMIRA)).click();
        waitForVaadin();
        dialog.locator("vaadin-text-area textarea").fill("Couples caseload");
        Locator save = dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assign").setExact(true));
        assertFits("the assign dialog", 320, control("the therapist field", therapist),
                control("the 'Assign' button", save));
        save.click();
        waitForVaadin();

        assertThat(dialog).isHidden();
        assertThat(queueCardLine(reference)).containsText(AMIRA);
        assertThat(jdbc.queryForObject("select s.username from intake i join staff_account s on s.id = "
                + "i.queue_assignee_id where i.reference = ?", String.class, reference)).isEqualTo(THERAPIST);
    }

    private void walkThroughAt(int width, int height) {
        String surname = ReviewTestData.uniqueWord();
        String name = "Rowan " + surname;
        String reference = data().submit(IntakeFixtures.completeAnswers(name)).reference();
        usePhone(width, height);

        signInCheckingEachPage(width);

        // the queue, narrowed to this test's client by the search field
        open("/staff");
        Locator cases = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cases").setExact(true));
        assertThat(cases).isVisible();
        Locator search = searchQueueFor(surname);
        // a phone shows each case as two lines in one column: the name first, the reference and status below
        Locator nameInQueue = page.locator("vaadin-grid-cell-content .queue-card strong")
                .filter(new Locator.FilterOptions().setHasText(name));
        Locator referenceInQueue = page.locator("vaadin-grid-cell-content .queue-card-line")
                .filter(new Locator.FilterOptions().setHasText(reference));
        assertThat(nameInQueue).isVisible();
        assertThat(referenceInQueue).isVisible();
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName(Pattern.compile(surname))))
                .hasCount(1);
        assertReadableHeight("the case queue", page.locator(".review-queue vaadin-grid"), height);
        assertFits("the case queue", width, control("the 'Cases' heading", cases),
                control("the search field", search), control("the client's name in the queue", nameInQueue),
                control("the client's reference in the queue", referenceInQueue));

        // the client's case, opened from the queue with a tap on the row
        nameInQueue.click();
        page.waitForURL("**/staff/cases/" + reference);
        waitForVaadin();
        Locator caseHeading = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)
                .setName(reference + " · " + name));
        assertThat(caseHeading).isVisible();
        Locator assign = page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Assign to me (Alt+A)").setExact(true));
        assertThat(assign).isVisible();
        assertFits("the case view", width, control("the case's heading", caseHeading),
                control("the 'Assign to me' button", assign));
        assertNothingPastTheFactorsPanel(width);

        // the diary, this week
        open("/staff/calendar");
        Locator range = page.locator(".calendar-range");
        assertThat(range).isVisible();
        assertThat(range).hasText(Pattern.compile("\\d"));
        Locator previous = button("Previous");
        Locator today = button("Today");
        Locator next = button("Next");
        Locator book = button("Book session");
        for (Locator control : List.of(previous, today, next, book)) {
            assertThat(control).isVisible();
        }
        assertThat(page.locator(".diary-day-head").first()).isVisible();
        assertFits("the diary", width, control("the diary's heading (the week shown)", range),
                control("the 'Previous' button", previous), control("the 'Today' button", today),
                control("the 'Next' button", next), control("the 'Book session' button", book));
    }

    /**
     * The sign-in page and the code page, each checked before it is submitted. A sign-in bounced back to the login
     * page (see {@link BrowserTest#signInAs}) is finished by the base class's retrying sign-in, said in the log.
     */
    private void signInCheckingEachPage(int width) {
        open("/login");
        Locator username = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Username"));
        Locator password = page.locator("vaadin-password-field input");
        Locator logIn = button("Sign in");
        assertThat(username).isVisible();
        assertThat(logIn).isVisible();
        assertFits("the sign-in page", width, control("the username field", username),
                control("the password field", password), control("the 'Sign in' button", logIn));
        submitPassword(THERAPIST, DemoStaffAccounts.DEMO_PASSWORD);
        try {
            page.getByText("Enter your code").waitFor(new Locator.WaitForOptions().setTimeout(15_000));
            waitForVaadin();
            Locator code = page.locator("vaadin-text-field.second-factor-code input");
            Locator verify = button("Verify");
            assertThat(code).isVisible();
            assertThat(verify).isVisible();
            assertFits("the code page", width, control("the code field", code),
                    control("the 'Verify' button", verify));
            enterCode(TotpTestCodes.forDemoAccount(jdbc, THERAPIST));
            page.getByText("Practice workspace").waitFor(new Locator.WaitForOptions().setTimeout(15_000));
            waitForVaadin();
        } catch (TimeoutError bounced) {
            System.out.println("WARN " + getClass().getSimpleName() + ": signing in at " + width + " px ended on "
                    + page.url() + "; signing in again without the page checks");
            open("/login");
            signInAs(THERAPIST, DemoStaffAccounts.DEMO_PASSWORD);
        }
    }

    /** Low risk, with exactly two suggested factors: burnout (3 of 6 items on most days) and anxiety (GAD-7 14). */
    private static Answers burnoutAndAnxiety(String fullName) {
        Answers answers = IntakeFixtures.completeAnswers(fullName);
        for (String id : List.of("burnout.detached", "burnout.motivation", "burnout.responsibilities")) {
            answers = answers.with(id, "2");
        }
        for (int i = 1; i <= 7; i++) {
            answers = answers.with("gad7." + i, "2");
        }
        return answers;
    }

    /** The factor block whose heading is this label. */
    private Locator factor(String label) {
        return page.locator(".factor").filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(label).setExact(true))));
    }

    /** The contributing factors' rows (confirm or reject, add a factor) wrap inside their panel (8 px past before). */
    private void assertNothingPastTheFactorsPanel(int width) {
        Object pastThePanel = page.evaluate("""
                () => { const edge = document.querySelector('.factors-panel').getBoundingClientRect().right + 0.5;
                        return [...document.querySelectorAll('.factors-panel *')]
                            .filter(e => e.getBoundingClientRect().right > edge)
                            .map(e => e.tagName.toLowerCase() + ' "' + e.textContent.trim().slice(0, 30) + '"'); }""");
        assertThat((List<?>) pastThePanel).as("elements past the factors panel's edge at %d px", width).isEmpty();
    }
}
