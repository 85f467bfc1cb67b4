package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import app.thaw.dev.DemoStaffAccounts;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;

/**
 * What the staff phone tests ({@link StaffOnPhonesBrowserIT}, {@link ManagerOnPhonesBrowserIT}) share: intakes made
 * as clients make them, the queue's search, the manager's assign dialog opened from the queue, and
 * {@link PhoneFit}'s check named the way those tests name controls.
 */
abstract class StaffPhoneTest extends BrowserTest {

    @Autowired
    IntakeService intake;

    @Autowired
    UserDetailsService staff;

    @Autowired
    JdbcTemplate jdbc;

    ReviewTestData data() {
        return new ReviewTestData(intake, staff, jdbc);
    }

    /** Signs in on a fresh 320×640 phone and searches the case queue for this text. */
    void searchQueueOnPhoneAs(String username, String text) {
        usePhone(320, 640);
        open("/login");
        signInAs(username, DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff");
        searchQueueFor(text);
    }

    /** Types into the queue's search field and waits for the rows; returns the field. */
    Locator searchQueueFor(String text) {
        Locator search = page.getByRole(AriaRole.TEXTBOX,
                new Page.GetByRoleOptions().setName("Search by name or reference"));
        search.fill(text);
        search.press("Enter");
        waitForVaadin();
        return search;
    }

    /**
     * The manager's way to the assign dialog at 320 px: a tap selects the client's case in the (searched) queue, and
     * "Assign selected case…" opens the dialog, both checked to lie inside the screen. Returns the open dialog.
     */
    Locator openAssignDialogFor(String name, String reference) {
        // a manager's tap selects the case (only therapists open cases from the queue), then the button assigns it
        // after the tap the grid held a second, hidden copy of the card (a spare row of its own): the case shown is visible
        Locator card = page.locator("vaadin-grid-cell-content .queue-card")
                .filter(new Locator.FilterOptions().setHasText(name).setVisible(true));
        card.click();
        waitForVaadin();
        Locator assign = button("Assign selected case…");
        assertFits("the manager's case queue", 320, control("the client's case in the queue", card),
                control("the 'Assign selected case…' button", assign));
        assign.click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Assign " + reference);
        return dialog;
    }

    /** The assign dialog's "Therapist" select (the button that opens its list). */
    static Locator therapistField(Locator dialog) {
        return dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Therapist(\\s|$)")));
    }

    /** The phone card's second line (reference, status, waiting, assignee) for this case, as shown. */
    Locator queueCardLine(String reference) {
        return page.locator("vaadin-grid-cell-content .queue-card-line")
                .filter(new Locator.FilterOptions().setHasText(reference).setVisible(true));
    }

    void assertFits(String where, int width, PhoneFit.Control... controls) {
        waitForVaadin();
        PhoneFit.assertFits(page, where, width, controls);
    }

    static PhoneFit.Control control(String what, Locator locator) {
        return new PhoneFit.Control(what, locator);
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
