package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.intake.SubmissionReceipt;
import app.thaw.dev.DemoStaffAccounts;

/**
 * Every screen, including those no journey test walks (reports, practice details and settings, the outbox, systems
 * with FHIR tokens, hand-over, factor agreement, a case's measures, disclosures, the calendar feed, the password
 * page), opens in production mode under the strict Content-Security-Policy with nothing refused and every function
 * Flow's client asked for found in the pre-built map ({@link StrictCsp} checks after the test). A screen a Vaadin
 * upgrade breaks under the policy fails here, not in the practice.
 */
class EveryScreenBrowserIT extends BrowserTest {

    @Autowired
    IntakeService intake;

    @Autowired
    JdbcTemplate database;

    @Test
    void everyScreenOpensUnderTheStrictPolicyWithNothingRefused() {
        SubmissionReceipt receipt = submitted();
        long grace = database.queryForObject("select id from staff_account where username = 'grace'", Long.class);

        // the client's pages no journey reaches: refusal for under-18s, the wait page, unknown links
        screen("/intake/young-people");
        screen("/intake/wait");
        screen("/privacy");
        screen("/measures/not-a-real-link");
        screen("/offer/not-a-real-link");
        // a client's address typed from a letter with a capital: the calm page and the way to the start, not the
        // staff sign-in
        screen("/Privacy");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("We couldn't find that page"))).isVisible();
        assertThat(page.locator("#not-found-back")).hasText("Go to the start page");
        page.locator("#not-found-back").click();
        page.waitForURL(url("/"));

        open("/login");
        signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);
        for (String path : List.of("/staff", "/staff/calendar", "/staff/requests", "/staff/waitlist",
                "/staff/factors", "/staff/reports/outcomes", "/staff/admin/reports", "/staff/admin/practice",
                "/staff/admin/diary", "/staff/admin/settings", "/staff/admin/team",
                "/staff/admin/team/" + grace + "/hand-over", "/staff/admin/privacy", "/staff/admin/audit",
                "/staff/admin/outbox", "/staff/account/password")) {
            screen(path);
        }
        // a mistyped address answers calmly with a way back, never the browser's "access denied"
        for (String typo : List.of("/staff/calender", "/staff/cases/", "/staff/admin/nonexistent")) {
            open(typo);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("We couldn't find that page"))).isVisible();
        }
        // what each email is, whole on a laptop: the subject was cut to "We have rec…" beside the short columns
        screen("/staff/admin/outbox");
        Locator subject = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("We have received your form")).first();
        PhoneFit.assertWholeTextShown(page, "an email's subject in the outbox", 1280, subject,
                "We have received your form");
        // and on a tablet, where it was cut ("Your appointment on W…" hid confirmed, moved or cancelled): it wraps
        page.setViewportSize(768, 1024);
        screen("/staff/admin/outbox");
        subject = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("We have received your form")).first();
        PhoneFit.assertWholeTextShown(page, "an email's subject in the outbox on a tablet", 768, subject,
                "We have received your form");
        page.setViewportSize(1280, 900);
        // a system's token: the dialog, its checkboxes and select, and copying the token
        screen("/staff/admin/api-clients");
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        page.locator("#add-api-client").click();
        var dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Add a system"));
        dialog.getByLabel("System", new Locator.GetByLabelOptions().setExact(true))
                .fill("Strict policy check " + ThreadLocalRandom.current().nextInt(1_000_000));
        dialog.getByText("Scores", new Locator.GetByTextOptions().setExact(false)).first().click();
        page.locator("#create-api-client").click();
        assertThat(page.locator("#issued-token input")).not().hasValue("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy token")).click();
        assertThat(page.getByText("Copied", new Page.GetByTextOptions().setExact(true))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Done")).click();
        waitForVaadin();

        useDesktop();
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        for (String path : List.of("/staff/cases/" + receipt.reference() + "/measures", "/staff/disclosures",
                "/staff/calendar-feed", "/staff/factors", "/staff/account/password")) {
            screen(path);
        }
        // one click on a row of the queue opens the case: the grid's item click (its event data are functions too;
        // none was in the map, so in production a click selected the row and opened nothing)
        screen("/staff");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Search by name or reference"))
                .fill(receipt.reference());
        Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(receipt.reference()));
        row.first().click();
        page.waitForURL("**/staff/cases/" + receipt.reference() + "**");
        assertThat(page.locator(".case-view .answers-panel")).isVisible();
        waitForVaadin();
    }

    /** Opens a screen and waits until it has drawn its heading, as a person would see it. */
    private void screen(String path) {
        open(path);
        assertThat(page.url()).as("%s is not redirected", path).contains(path);
        // the page's own heading: a staff page also holds the idle notice's, hidden until it opens
        assertThat(page.locator("h1:visible, h2:visible").first()).isVisible();
        if (path.startsWith("/staff")) {
            assertThat(page.getByText("We couldn't find that page")).hasCount(0);
        }
        waitForVaadin();
        GridColumns.assertHeadingsOverTheirColumns(page, path);
    }

    private SubmissionReceipt submitted() {
        String address = "10.15." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
        String token = intake.startDraft(null, address).orElseThrow().token();
        assertThat(intake.saveAnswers(token, IntakeFixtures.completeAnswers("Sam Everyscreen").asMap(), "consent"))
                .isTrue();
        var outcome = intake.submit(token, address, false);
        assertThat(outcome).isInstanceOf(SubmissionOutcome.Submitted.class);
        return ((SubmissionOutcome.Submitted) outcome).receipt();
    }
}
