package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.base.ids.IntakeId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReviewTestData;

/**
 * A practice manager on the narrowest phone (320×640) puts a case a therapist holds back in the shared queue from
 * the assign dialog; the dialog and its controls lie inside the screen. (Assigning a case from the queue on a phone
 * is in {@link StaffOnPhonesBrowserIT}.)
 */
class ManagerOnPhonesBrowserIT extends StaffPhoneTest {

    @Autowired
    CaseAssignments assignments;

    @Test
    void aPracticeManagerPutsAnAssignedCaseBackInTheSharedQueueOnAPhone() {
        var data = data();
        String surname = ReviewTestData.uniqueWord();
        String name = "Avery " + surname;
        var submitted = data.submit(IntakeFixtures.completeAnswers(name));
        String reference = submitted.reference();
        data.as("amira", () -> assignments.assignToMe(IntakeId.of(submitted.id())));
        searchQueueOnPhoneAs("admin", surname);
        assertThat(queueCardLine(reference)).containsText("Dr Amira Khan");

        Locator dialog = openAssignDialogFor(name, reference);
        assertThat(dialog).containsText(reference + " · " + name + " · now with Dr Amira Khan");
        Locator therapist = therapistField(dialog);
        therapist.click();
        Locator sharedQueue = page.getByRole(AriaRole.OPTION,
                new Page.GetByRoleOptions().setName("Back to the shared queue").setExact(true));
        // the list opens at the chosen therapist: with a practice of many, a person scrolls up to the first choice
        sharedQueue.scrollIntoViewIfNeeded();
        atRest(sharedQueue);
        assertFits("the assign dialog's list of therapists", 320,
                control("the 'Back to the shared queue' choice", sharedQueue));
        PhoneFit.assertWholeTextShown(page, "the 'Back to the shared queue' choice", 320, sharedQueue,
                "Back to the shared queue");
        sharedQueue.click();
        waitForVaadin();
        assertThat(therapist).containsText("Back to the shared queue");
        // the field was narrower than the dialog and showed the choice as "Back to the shared q"
        PhoneFit.assertWholeTextShown(page, "the chosen 'Back to the shared queue'", 320,
                therapist.locator("vaadin-select-item"), "Back to the shared queue");
        Locator reason = dialog.locator("vaadin-text-area textarea");
        reason.fill("Amira on leave until March");
        Locator cancel = dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")
                .setExact(true));
        Locator save = dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assign")
                .setExact(true));
        assertFits("the assign dialog", 320, control("the therapist field", therapist),
                control("the reason field", reason), control("the 'Cancel' button", cancel),
                control("the 'Assign' button", save));
        save.click();
        waitForVaadin();

        assertThat(dialog).isHidden();
        assertThat(queueCardLine(reference)).containsText("Unassigned");
        assertThat(queueCardLine(reference)).not().containsText("Dr Amira Khan");
        assertThat(jdbc.queryForObject("select queue_assignee_id from intake where reference = ?", Long.class,
                reference)).isNull();
    }
}
