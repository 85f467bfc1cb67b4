package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.PdfText;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.intake.SubmissionReceipt;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.dev.DemoStaffAccounts;

/**
 * The therapist's main journey on a desktop: the queue (urgent first), a risk-gated urgent case, factor
 * decisions, a GP referral and its letter, and a colleague kept out of a case that isn't theirs. Every
 * screen is checked with axe-core; the audit log is checked for the reads.
 */
class TherapistReviewBrowserIT extends BrowserTest {

    private static final String AMIRA = "Dr Amira Khan";

    @Autowired
    IntakeService intake;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void therapistReviewsAnUrgentCaseFromTheQueueToTheReferralLetter() throws IOException {
        String surname = uniqueWord();
        SubmissionReceipt routine = submit(IntakeFixtures.completeAnswers("Rowan " + surname));
        SubmissionReceipt urgent = submit(urgentAnswers("Jules " + surname));
        assertTrue(urgent.urgent(), "the urgent fixture raised no risk flag");
        assertTrue(!routine.urgent(), "the routine fixture raised a risk flag");
        assertTrue(submittedAt(urgent).after(submittedAt(routine)), "the urgent intake must be the later one");

        open("/staff");
        signIn("amira");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cases").setExact(true)))
                .isVisible();

        // the queue, narrowed to this test's two clients: urgent first although it was sent later. Enter applies the
        // search at once, so the rows below are the search's and not the unfiltered queue's about to be replaced
        Locator search = page.getByLabel("Search by name or reference");
        search.fill(surname);
        search.press("Enter");
        waitForVaadin();
        Locator urgentRow = row(urgent.reference());
        Locator routineRow = row(routine.reference());
        assertThat(urgentRow).isVisible();
        assertThat(routineRow).isVisible();
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName(Pattern.compile(surname))))
                .hasCount(2);
        assertThat(page.getByRole(AriaRole.ROW)).hasCount(3); // the header and this test's two cases, nothing else
        assertThat(cell(urgentRow, "Urgent · risk not reviewed")).isVisible();
        assertThat(cell(routineRow, "Routine")).isVisible();
        assertTrue(top(urgentRow) < top(routineRow), "the urgent case is listed above the routine one");
        settle();
        AxeCore.check(page, "the case queue");

        // keyboard: "?" (Shift+/) lists the shortcuts; ↑ from the routine row selects the urgent one; Enter opens it
        focus(cell(routineRow, routine.reference()));
        page.keyboard().press("Shift+Slash");
        Locator help = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"));
        Locator close = help.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"));
        assertThat(close).isVisible();
        close.click();
        assertThat(help).hasCount(0);
        focus(cell(routineRow, routine.reference()));
        page.keyboard().press("ArrowUp");
        assertThat(cell(urgentRow, urgent.reference())).isFocused();
        assertThat(urgentRow).hasAttribute("aria-selected", "true");
        waitForVaadin();
        page.keyboard().press("Enter");
        page.waitForURL("**/staff/cases/" + urgent.reference());
        waitForVaadin();

        // locked until the risk is reviewed: the banner names what raised it, the answers can be read, nothing else
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)))
                .containsText(urgent.reference() + " · Jules " + surname);
        Locator risk = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Risk"));
        assertThat(risk).containsText("Urgent: risk answers, not yet reviewed");
        assertThat(risk.getByRole(AriaRole.LISTITEM)).hasCount(1);
        assertThat(risk.getByRole(AriaRole.LISTITEM)).containsText("Said they are not safe right now");
        assertThat(risk.getByRole(AriaRole.LISTITEM)).containsText("Answered: “No”");
        assertThat(heading("Answers")).hasCount(1);
        assertThat(heading("Contributing factors")).hasCount(0);
        assertThat(heading("Referral")).hasCount(0);
        assertThat(heading("Clinical notes")).hasCount(0);
        assertThat(button("Decide referral")).hasCount(0);
        assertThat(button("Assign to me (Alt+A)")).hasCount(0);
        settle();
        AxeCore.check(page, "an urgent case before the risk review");

        // typed as a person types: the "?" shortcut must not swallow the question mark
        Locator riskNote = risk.getByLabel("What did you decide? (required)");
        riskNote.fill("Safe tonight");
        riskNote.press("Shift+Slash");
        riskNote.pressSequentially(" Yes: called the client, she is with her sister, crisis plan shared.");
        assertThat(riskNote)
                .hasValue("Safe tonight? Yes: called the client, she is with her sister, crisis plan shared.");
        waitForVaadin();
        assertThat(page.getByText("Keyboard shortcuts")).hasCount(0);
        button("I have reviewed the risk").click();
        assertThat(risk).containsText("Risk reviewed by " + AMIRA);
        assertThat(risk).containsText("crisis plan shared");
        assertThat(button("I have reviewed the risk")).hasCount(0);
        assertThat(heading("Answers")).isVisible();
        assertThat(page.locator(".case-facts")).containsText("Assigned to " + AMIRA);

        // factors: two suggestions, one confirmed and one rejected
        Locator burnout = factor("Emotional burnout");
        Locator anxiety = factor("Anxiety");
        assertThat(burnout.locator(".factor-state")).hasText("Suggested · not yet decided");
        assertThat(burnout).containsText("burnout items answered");
        assertThat(anxiety.locator(".factor-state")).hasText("Suggested · not yet decided");
        assertThat(anxiety).containsText("GAD-7 total 14");
        settle();
        AxeCore.check(page, "an urgent case after the risk review");

        button("Confirm Emotional burnout").click();
        assertThat(factor("Emotional burnout").locator(".factor-state"))
                .containsText("Suggested · confirmed by " + AMIRA);
        assertThat(button("Confirm Emotional burnout")).hasAttribute("aria-pressed", "true");
        assertThat(button("Confirm Emotional burnout")).isFocused();

        // a note typed but not yet added survives the redraw after another decision
        Locator newNote = page.getByLabel("New note", new Page.GetByLabelOptions().setExact(true));
        newNote.fill("Anxiety looks secondary to the burnout; revisit in session 3.");
        button("Reject Anxiety").click();
        assertThat(factor("Anxiety").locator(".factor-state")).containsText("Suggested · rejected by " + AMIRA);
        assertThat(button("Reject Anxiety")).hasAttribute("aria-pressed", "true");
        assertThat(button("Reject Anxiety")).isFocused();
        assertThat(factor("Emotional burnout").locator(".factor-state")).containsText("confirmed");
        assertThat(newNote).hasValue("Anxiety looks secondary to the burnout; revisit in session 3.");
        button("Add note").click();
        assertThat(page.locator(".note-body")).hasText(new String[] {
                "Anxiety looks secondary to the burnout; revisit in session 3."});
        assertThat(newNote).hasValue("");

        // the referral, with its reason
        Locator referral = page.locator(".referral-panel");
        assertThat(referral).containsText("No referral decided yet.");
        button("Decide referral").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Referral decision"));
        Locator gp = dialog.getByRole(AriaRole.RADIO,
                new Locator.GetByRoleOptions().setName("GP — medication review"));
        assertThat(gp).isVisible();
        gp.check();
        dialog.getByLabel("Reason").fill("Numbness began with the new antidepressant; please review the dose.");
        settle();
        AxeCore.check(page, "the referral dialog");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save decision")).click();
        assertThat(dialog).hasCount(0);
        assertThat(referral).isFocused();
        assertThat(referral).containsText("GP — medication review — decided by " + AMIRA);
        assertThat(referral).containsText("please review the dose");

        // the letter, downloaded as a person would
        Locator letterLink = page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download the referral letter (PDF)"));
        assertThat(letterLink).isVisible();
        waitForVaadin();
        Download download = page.waitForDownload(letterLink::click);
        assertEquals("referral-" + urgent.reference() + ".pdf", download.suggestedFilename());
        byte[] pdf = Files.readAllBytes(download.path());
        assertTrue(new String(pdf, 0, Math.min(pdf.length, 5), StandardCharsets.US_ASCII).equals("%PDF-"),
                "the download is a PDF");
        assertTrue(PdfText.of(pdf).contains(urgent.reference()), "the letter names the client's reference");

        long amira = staffId("amira");
        assertTrue(auditRows(urgent.reference(), "CASE_OPENED", amira) >= 1, "opening the case is audited");
        assertEquals(1, auditRows(urgent.reference(), "LETTER_DOWNLOADED", amira), "the download is audited");
    }

    @Test
    void aColleagueCannotOpenACaseAssignedToSomeoneElse() {
        SubmissionReceipt routine = submit(IntakeFixtures.completeAnswers("Morgan " + uniqueWord()));
        String caseUrl = "/staff/cases/" + routine.reference();

        open("/staff");
        signIn("amira");
        open(caseUrl);
        button("Assign to me (Alt+A)").click();
        assertThat(page.locator(".case-facts")).containsText("Assigned to " + AMIRA);

        context.clearCookies();
        open("/staff");
        signIn("tom");
        open(caseUrl);

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("We couldn't find that page"))).isVisible();
        assertThat(page.locator("body")).not().containsText(routine.reference());
        assertThat(page.locator("body")).not().containsText("Morgan");
        assertEquals(1, auditRows(routine.reference(), "CASE_ACCESS_DENIED", staffId("tom")),
                "the refused attempt is audited");
        assertEquals(0, auditRows(routine.reference(), "CASE_OPENED", staffId("tom")));
        settle();
        AxeCore.check(page, "the not-found page for a colleague's case");
    }

    @Test
    void aTherapistReturnsHerCaseToTheSharedQueueByEmptyingAssignTo() {
        SubmissionReceipt routine = submit(IntakeFixtures.completeAnswers("Sasha " + uniqueWord()));
        open("/staff");
        signIn("amira");
        open("/staff/cases/" + routine.reference());
        button("Assign to me (Alt+A)").click();
        waitForVaadin();
        Locator assignTo = page.locator("#assign-to");
        assertThat(assignTo.locator("input")).hasValue(AMIRA);
        assertThat(button("Assign to me (Alt+A)")).isHidden();

        // the field's clear button, as a person empties it
        assignTo.locator("[part~='clear-button']").click();
        waitForVaadin();

        assertThat(page.locator(".case-facts")).containsText("Unassigned");
        assertThat(page.getByText("Returned to the shared queue.")).isVisible();
        assertThat(assignTo.locator("input")).hasValue("");
        assertThat(button("Assign to me (Alt+A)")).isVisible();
        assertEquals(null, jdbc.queryForObject("select queue_assignee_id from intake where reference = ?",
                Long.class, routine.reference()));
    }

    // ---- arrange ----

    /** Not safe now, burnout on most days, and anxiety: urgent, with several suggested factors. */
    private static Answers urgentAnswers(String fullName) {
        Answers answers = IntakeFixtures.completeAnswers(fullName).with("safety.safe_now", "no");
        for (String id : List.of("burnout.exhaustion", "burnout.concentration", "burnout.small_tasks")) {
            answers = answers.with(id, "3");
        }
        for (String id : List.of("burnout.detached", "burnout.motivation", "burnout.responsibilities")) {
            answers = answers.with(id, "2");
        }
        for (int i = 1; i <= 7; i++) {
            answers = answers.with("gad7." + i, "2");
        }
        return answers;
    }

    private SubmissionReceipt submit(Answers answers) {
        String address = "10.9." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
        String token = intake.startDraft(null, address).orElseThrow().token();
        assertTrue(intake.saveAnswers(token, answers.asMap(), "consent"));
        var outcome = intake.submit(token, address, false);
        assertTrue(outcome instanceof SubmissionOutcome.Submitted, "not submitted: " + outcome);
        return ((SubmissionOutcome.Submitted) outcome).receipt();
    }

    /** A word no other test's client has in their name, so a search finds exactly this test's cases. */
    private static String uniqueWord() {
        var word = new StringBuilder("Quill");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private Timestamp submittedAt(SubmissionReceipt receipt) {
        return jdbc.queryForObject("select submitted_at from intake where reference = ?", Timestamp.class,
                receipt.reference());
    }

    private long staffId(String username) {
        return jdbc.queryForObject("select id from staff_account where username = ?", Long.class, username);
    }

    private int auditRows(String reference, String action, long actorId) {
        return jdbc.queryForObject("""
                select count(*) from audit_entry a join intake i on i.id = a.intake_id
                 where i.reference = ? and a.action = ? and a.actor_id = ?""", Integer.class,
                reference, action, actorId);
    }

    // ---- act: find things the way a person does ----

    /** Signs in with the demo password and the demo authenticator's current code (see BrowserTest). */
    private void signIn(String username) {
        assertThat(page).hasURL(url("/login"));
        signInAs(username, DemoStaffAccounts.DEMO_PASSWORD);
    }

    /** Keyboard focus on this element, once the server has heard about it (a grid cell focus selects its row). */
    private void focus(Locator element) {
        element.focus();
        assertThat(element).isFocused();
        waitForVaadin();
    }

    /** The queue row whose reference cell says this. */
    private Locator row(String reference) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.GRIDCELL, new Page.GetByRoleOptions().setName(reference).setExact(true))));
    }

    private static Locator cell(Locator row, String text) {
        return row.getByRole(AriaRole.GRIDCELL, new Locator.GetByRoleOptions().setName(text).setExact(true));
    }

    private static double top(Locator locator) {
        BoundingBox box = locator.boundingBox();
        assertTrue(box != null, locator + " is not on screen");
        return box.y;
    }

    private Locator heading(String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator factor(String label) {
        return page.locator(".factor").filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(label).setExact(true))));
    }
}
