package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.privacy.SubjectAccessRequests;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.dev.DemoStaffAccounts;

/**
 * The case-access policy as people meet it in the browser: a therapist trying a colleague's case through every staff
 * route that takes a reference gets "not found", sees no name and books nothing, and the practice manager finds each
 * attempt in the audit log; booking a client whose urgent risk nobody has reviewed is refused with the way forward.
 */
class CaseAccessBrowserIT extends BrowserTest {

    @Autowired
    IntakeService intake;

    @Autowired
    StaffAccountService staff;

    @Autowired
    CaseAssignments assignments;

    @Autowired
    SubjectAccessRequests accessRequests;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aColleaguesCaseIsNotFoundOnEveryRouteAndEveryAttemptIsInTheAuditLog() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String surname = ReviewTestData.uniqueWord();
        var amiras = data.submit(IntakeFixtures.completeAnswers("Robin " + surname));
        data.as("amira", () -> assignments.assignToMe(IntakeId.of(amiras.id())));
        String reference = amiras.reference();
        // the client asked for their records: Amira, their therapist, reviews the export before it is released
        long accessRequest = data.as("admin", () -> accessRequests.record(IntakeId.of(amiras.id()), LocalDate.now(),
                StaffId.of(data.idOf("amira")))).id();

        open("/login");
        signInAs("tom", DemoStaffAccounts.DEMO_PASSWORD);

        // the queue, searched for the exact reference: no row, as for a reference that does not exist
        open("/staff?search=" + reference);
        assertThat(page.locator("vaadin-grid")).not().containsText(surname);
        assertThat(page.locator("body")).not().containsText(surname);

        // the case itself
        open("/staff/cases/" + reference);
        assertThat(page.getByText("We couldn't find that page")).isVisible();
        assertThat(page.locator("body")).not().containsText(surname);
        // the case's letters and its transfer export are downloaded from that page only: with no page, no download

        // the case's outcome measures
        open("/staff/cases/" + reference + "/measures");
        assertThat(page.getByText("We couldn't find that page")).isVisible();
        assertThat(page.locator("body")).not().containsText(surname);

        // the client's records export, under review by their own therapist
        open("/staff/disclosures/" + accessRequest);
        assertThat(page.getByText("We couldn't find that page")).isVisible();
        assertThat(page.locator("body")).not().containsText(surname);
        open("/staff/disclosures");
        assertThat(page.locator("body")).not().containsText(surname);

        // the diary's booking dialog, opened for the case by a link
        open("/staff/calendar?case=" + reference);
        assertThat(page.getByLabel("Book a session").getByText("No case has the reference " + reference + "."))
                .isVisible();
        assertThat(page.locator("body")).not().containsText(surname);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true)).click();
        waitForVaadin();
        assertThat(jdbc.queryForObject("select count(*) from appointment where intake_id = ?", Integer.class,
                amiras.id())).isZero();

        // recording and downloading subject access exports is the practice manager's screen, never a therapist's
        open("/staff/admin/privacy");
        assertThat(page.locator("body")).not().containsText(surname);
        assertThat(page.locator(".privacy-view")).hasCount(0);

        // the practice manager sees every attempt, who made it and on which case
        useDesktop();
        open("/login");
        signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/admin/audit");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Case reference")).fill(reference);
        page.keyboard().press("Tab");
        waitForVaadin();
        Locator refusals = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Refused access to a case"));
        assertThat(refusals.first()).isVisible();
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_entry
                 where case_reference = ? and action = 'CASE_ACCESS_DENIED' and actor_name = 'Tom Whitfield'""",
                Integer.class, reference)).as("queue search, case page, measures, disclosure and booking dialog")
                .isGreaterThanOrEqualTo(5);
        assertThat(jdbc.queryForList("""
                select distinct detail from audit_entry
                 where case_reference = ? and action = 'CASE_ACCESS_DENIED' and actor_name = 'Tom Whitfield'""",
                String.class, reference)).as("the operations refused").hasSizeGreaterThanOrEqualTo(3);
        assertThat(page.locator("vaadin-grid")).containsText("Tom Whitfield");
    }

    @Test
    void bookingAnUrgentCaseWhoseRiskNobodyReviewedIsRefusedWithTheWayToReviewIt() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var urgent = data.submit(IntakeFixtures.completeAnswers("Jo " + ReviewTestData.uniqueWord())
                .with("safety.safe_now", "no"));

        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/calendar?case=" + urgent.reference());
        Locator gate = page.locator(".gate-notice");
        assertThat(gate).containsText("urgent risk that no therapist has reviewed yet");
        Locator link = gate.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("Review the risk")));
        assertThat(link).isVisible();

        Locator when = page.locator("vaadin-date-time-picker:visible");
        when.locator("vaadin-date-picker input").fill("14/03/2031");
        when.locator("vaadin-date-picker input").press("Enter");
        when.locator("vaadin-time-picker input").fill("10:00");
        when.locator("vaadin-time-picker input").press("Enter");
        waitForVaadin();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true)).click();
        waitForVaadin();
        assertThat(gate).containsText("Review the risk before booking any session");
        assertThat(jdbc.queryForObject("select count(*) from appointment where intake_id = ?", Integer.class,
                urgent.id())).isZero();

        link.click();
        waitForVaadin();
        assertThat(page).hasURL(Pattern.compile(".*/staff/cases/" + urgent.reference() + ".*"));
        assertThat(page.locator(".risk-panel")).containsText("Said they are not safe right now");
        assertThat(page.locator(".risk-panel")).containsText("Answered: “No”");
    }
}
