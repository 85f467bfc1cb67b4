package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.PdfText;
import app.thaw.base.ids.IntakeId;
import app.thaw.Application;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.CaseAssignments;
import app.thaw.review.CaseWorkService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.dev.DemoStaffAccounts;

/**
 * Subject access with the clinician's check, as the people do it: the practice manager records the request, the
 * client's therapist reviews the files on screen and withholds a note with her reason, and only then does the
 * manager download them, without that note and with the general words about withheld information.
 */
class SubjectAccessBrowserIT extends BrowserTest {

    @Autowired
    IntakeService intake;
    @Autowired
    CaseWorkService caseWork;
    @Autowired
    CaseAssignments assignments;
    @Autowired
    StaffAccountService staff;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theManagerRecordsTheTherapistWithholdsANoteAndTheManagerDownloadsTheRest() throws IOException {
        var data = new ReviewTestData(intake, staff, jdbc);
        String name = "Alex " + ReviewTestData.uniqueWord();
        var client = data.submit(IntakeFixtures.completeAnswers(name));
        String kept = "Keptnote" + ReviewTestData.uniqueWord() + " first session booked.";
        String withheld = "Withheldnote" + ReviewTestData.uniqueWord() + " about what her father did.";
        data.as("amira", () -> {
            assignments.assignToMe(IntakeId.of(client.id()));
            caseWork.addNote(IntakeId.of(client.id()), kept);
            caseWork.addNote(IntakeId.of(client.id()), withheld);
        });

        // the practice manager records the request, typed as people type dates
        open("/login");
        signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);
        Page manager = page;
        findClient(client.reference());
        LocalDate received = LocalDate.now(Application.PRACTICE_ZONE).minusDays(4);
        Locator date = page.locator("#sar-received input");
        date.fill(received.format(DateTimeFormatter.ofPattern("d/M/yyyy")));
        date.press("Enter");
        waitForVaadin();
        assertThat(page.locator("#sar-reviewer")).containsText("Dr Amira Khan");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record request")).click();
        waitForVaadin();
        assertThat(page.locator("#sar-facts")).containsText("Waiting for Dr Amira Khan's review");
        assertThat(page.locator("#sar-facts")).containsText("days left");
        assertThat(page.locator("#privacy-export-json")).hasCount(0);
        AxeCore.check(page, "client privacy with a subject access request");
        assertThat(page.locator("body")).not().containsText(withheld);

        // the therapist reviews it from her menu and withholds one note
        useDesktop();
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Disclosure reviews")).click();
        waitForVaadin();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name + " · " + client.reference())).click();
        waitForVaadin();
        assertThat(page.locator("body")).containsText(kept);
        AxeCore.check(page, "the disclosure review");
        Locator part = page.locator(".disclosure-item").filter(new Locator.FilterOptions().setHasText(withheld));
        part.getByRole(AriaRole.CHECKBOX).check();
        waitForVaadin();
        part.locator("textarea").fill("She is not ready to read this; it would be likely to cause serious harm.");
        waitForVaadin();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve release")).click();
        waitForVaadin();
        assertThat(page.getByText("Release approved with 1 part withheld.")).isVisible();
        assertThat(page.locator("#disclosures-empty, vaadin-grid").first()).isVisible();

        // the manager now downloads the files: the withheld note is not in them
        usePage(manager);
        findClient(client.reference());
        assertThat(page.locator("#sar-facts")).containsText("Approved for release with some information withheld");
        assertThat(page.locator("body")).not().containsText(withheld);
        Download jsonDownload = page.waitForDownload(page.locator("#privacy-export-json")::click);
        String json = Files.readString(jsonDownload.path(), StandardCharsets.UTF_8);
        assertThat(json).contains(kept, "withheld under the Data Protection Act 2018").doesNotContain(withheld);
        Download pdfDownload = page.waitForDownload(page.locator("#privacy-export-pdf")::click);
        String pdf = PdfText.of(Files.readAllBytes(pdfDownload.path())).replace("\n", " ");
        assertThat(pdf).contains("Keptnote", "withheld under the Data Protection Act").doesNotContain("Withheldnote");
        assertThat(jdbc.queryForObject("select status from subject_access_request where intake_id = ?", String.class,
                client.id())).isEqualTo("RELEASED");
    }

    private void findClient(String reference) {
        open("/staff/admin/privacy");
        page.getByLabel("Reference or email address").fill(reference);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
        waitForVaadin();
    }
}
