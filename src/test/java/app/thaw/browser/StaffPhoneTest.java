package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import app.thaw.dev.DemoStaffAccounts;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;

/**
 * What the staff phone tests ({@link StaffOnPhonesBrowserIT}, {@link ManagerOnPhonesBrowserIT} and others) share:
 * intakes made as clients make them, the queue's search, the manager's assign dialog opened from the queue, a
 * waiting-list row scrolled to, and {@link PhoneFit}'s check named the way those tests name controls.
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

    /**
     * A control in a row of the waiting list, which holds every case waiting in the test run, newest last: the grid is
     * scrolled a screenful at a time, as a thumb would, until the row is drawn, then the control is scrolled to.
     */
    Locator inWaitingList(String id, int width) {
        Locator control = page.locator("#" + id);
        page.locator("vaadin-grid [id^='waits-for-']").first().waitFor();
        Locator scroller = page.locator("vaadin-grid #table");
        while (control.count() == 0) {
            boolean moved = (Boolean) scroller.evaluate("s => { const before = s.scrollTop; "
                    + "s.scrollTop += s.clientHeight; return s.scrollTop > before; }");
            waitForVaadin();
            try {
                control.waitFor(new Locator.WaitForOptions().setTimeout(1_000));
            } catch (TimeoutError notYet) {
                assertThat(moved).as("#" + id + " in the waiting list, scrolled to its end").isTrue();
            }
        }
        // the grid redraws its recycled rows as it scrolls: scroll again until the control has come to rest on screen
        // (assertFits then judges where it rests; a control the layout cannot show still fails there)
        for (int attempt = 0; attempt < 10; attempt++) {
            control.scrollIntoViewIfNeeded();
            settle();
            var box = control.boundingBox();
            if (box != null && box.x >= 0 && box.x + box.width <= width) {
                break;
            }
        }
        return control;
    }

    /**
     * Waits until the element has stopped moving (a phone's list sliding up over the screen, a list scrolling to its
     * choice), so {@link PhoneFit} reads it where it rests.
     */
    void atRest(Locator element) {
        settle();
        // the part of it a person sees: a list's overlay can settle its height (the box that scrolls and clips the
        // list) a frame after the list stood still (CI read an option below a 640 px screen in a list still growing),
        // or a few frames later on a loaded machine: still means unchanged for a quarter of a second
        page.waitForFunction("e => { const r = e.getBoundingClientRect(); let top = r.top, bottom = r.bottom, "
                + "left = r.left, right = r.right; for (let n = e.assignedSlot || e.parentNode; n; "
                + "n = n.assignedSlot || n.parentNode || n.host) { if (n.nodeType !== 1) continue; "
                + "if (getComputedStyle(n).overflow !== 'visible') { const c = n.getBoundingClientRect(); "
                + "top = Math.max(top, c.top); bottom = Math.min(bottom, c.bottom); left = Math.max(left, c.left); "
                + "right = Math.min(right, c.right); } } const now = [r.x, r.y, r.width, r.height, top, bottom, left, "
                + "right].join(); if (e.thawLastBox !== now) { e.thawLastBox = now; e.thawStillSince = performance.now(); "
                + "return false; } return performance.now() - e.thawStillSince >= 250; }",
                element.elementHandle());
        // a list can fade in where it stands: PhoneFit reads text still at opacity 0 as unseen
        page.waitForFunction("() => document.getAnimations().every(a => a.playState !== 'running' || !a.effect"
                + " || a.effect.getComputedTiming().endTime === Infinity)");
        // an overlay's fade-in inside its shadow root is not always among the document's animations (CI read a
        // select's option at opacity 0 as showing nothing): wait until a person would see some of its words
        page.waitForFunction("e => (" + TextCutOff.SCRIPT + ")(e).text !== ''", element.elementHandle());
    }

    /**
     * A long list keeps a readable height on a phone, scrolled to: 28rem, or the screen under its top bar if less
     * (the queue and the waiting list were one card or one row high under their filters on a 320×640 phone).
     */
    void assertReadableHeight(String what, Locator grid, int screenHeight) {
        double expected = Math.min(28 * 16, screenHeight - 4.5 * 16);
        assertThat(grid.boundingBox().height).as("%s's height on a %d px high screen", what, screenHeight)
                .isGreaterThanOrEqualTo(expected - 1);
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
