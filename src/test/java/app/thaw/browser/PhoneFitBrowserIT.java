package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.dev.DemoStaffAccounts;
import app.thaw.review.CareActions;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAdministration;
import app.thaw.waitlist.WaitlistTestData;

/**
 * {@link PhoneFit}'s reading of what a person sees, on the 320×640 phone, in the waiting list's two dialogs: the
 * "Waits for" dialog, whole, with its therapist select closed (the hidden options are not read) and open (the options
 * float above the dialog in the top layer, those scrolled out of sight in the list are not read, and a long real
 * name is shown whole), and the offer dialog's therapist combo box closed and open, are not cut off; a label of the
 * same dialog deliberately cut off by an ellipsis, or run past the screen's edge, still is.
 */
class PhoneFitBrowserIT extends StaffPhoneTest {

    private static final int WIDTH = 320;
    /** More therapists than the phone's lists show at once, so each list scrolls. */
    private static final int THERAPISTS = 14;
    private static final String LAST_THERAPIST = "Tom Whitfield";
    /** A real name longer than the phone's list is wide, sorted near the top so it is in sight when the list opens. */
    private static final String LONG_NAME = "Dr Aaliyah Montgomery-Fitzwilliam";

    @Autowired
    CaseOpeningService caseOpening;

    @Autowired
    ReferralService referrals;

    @Autowired
    CareActions care;

    @Autowired
    StaffAdministration team;

    @Autowired
    SchedulingService scheduling;

    @Test
    void aDialogWithItsListOpenOrClosedIsReadAsAPersonSeesItAndACutLabelIsStillFound() {
        var data = data();
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        if (jdbc.queryForObject("select count(*) from staff_account where display_name = ?", Integer.class,
                LONG_NAME) == 0) {
            week.therapist(LONG_NAME);
        }
        int therapists = jdbc.queryForObject("select count(*) from staff_account where role = 'THERAPIST' and active",
                Integer.class);
        for (int i = therapists; i < THERAPISTS; i++) {
            week.therapist("Dr Sasha " + ReviewTestData.uniqueWord());
        }
        String name = "Lee " + ReviewTestData.uniqueWord();
        var client = new WaitlistTestData(data, caseOpening, referrals, care, jdbc).waitingClient(name);
        String title = "What " + name + " (" + client.reference() + ") wait for";

        usePhone(WIDTH, 640);
        open("/login");
        signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/waitlist");
        inWaitingList("waits-for-" + client.reference(), WIDTH).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName(title));
        Locator heading = dialog.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName(title));
        assertThat(heading).isVisible();
        settle();

        // the select closed: its options are not drawn, so not read
        String closed = PhoneFit.assertNothingCutOff(page, "the 'Waits for' dialog", WIDTH, dialog);
        assertThat(closed).contains(title, "Format", "Online", "Therapist", "Anyone", "Save")
                .doesNotContain(LAST_THERAPIST);

        // the select open: its list floats above the dialog, the options out of sight in it are not read
        therapistField(dialog).click();
        Locator list = page.getByRole(AriaRole.LISTBOX);
        Locator anyone = list.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Anyone"));
        Locator last = list.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName(LAST_THERAPIST));
        assertThat(anyone).isVisible();
        atRest(list);
        String open = PhoneFit.assertNothingCutOff(page, "the 'Waits for' dialog with its list open", WIDTH, dialog);
        assertThat(open.split("Anyone", -1)).as("'Anyone' read in the list and as the choice").hasSize(3);
        assertThat(open).contains(title).doesNotContain(LAST_THERAPIST);
        PhoneFit.assertWholeTextShown(page, "the 'Anyone' choice", WIDTH, anyone, "Anyone");
        Locator longName = list.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName(LONG_NAME));
        longName.scrollIntoViewIfNeeded();
        atRest(longName);
        PhoneFit.assertWholeTextShown(page, "a long name in the list", WIDTH, longName, LONG_NAME);
        last.scrollIntoViewIfNeeded();
        atRest(last);
        PhoneFit.assertWholeTextShown(page, "the last choice, scrolled to", WIDTH, last, LAST_THERAPIST);
        page.keyboard().press("Escape");
        assertThat(list).isHidden();

        // a label cut off by an ellipsis, and one run past the screen's edge, are still found
        heading.evaluate("h => Object.assign(h.style, { display: 'block', width: '8em', overflow: 'hidden', "
                + "whiteSpace: 'nowrap', textOverflow: 'ellipsis' })");
        AssertionError ellipsis = assertThrows(AssertionError.class, () -> PhoneFit.assertWholeTextShown(page,
                "the title cut by an ellipsis", WIDTH, heading, title));
        assertThat(ellipsis).hasMessageContaining("past the edge of h2").hasMessageContaining("ellipsis");
        heading.evaluate("h => Object.assign(h.style, { width: '', overflow: '', textOverflow: '' })");
        AssertionError offScreen = assertThrows(AssertionError.class, () -> PhoneFit.assertNothingCutOff(page,
                "the dialog with its title on one line", WIDTH, dialog));
        assertThat(offScreen).hasMessageContaining("past the 320×640 px screen");
        heading.evaluate("h => Object.assign(h.style, { display: '', whiteSpace: '' })");
        PhoneFit.assertWholeTextShown(page, "the title as it was", WIDTH, heading, title);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel").setExact(true)).click();
        assertThat(dialog).hasCount(0);

        // the offer dialog's combo box, closed and open: its list scrolls, and what it shows is whole
        inWaitingList("offer-" + client.reference(), WIDTH).click();
        Locator offer = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Offer times to " + name
                + " (" + client.reference() + ")"));
        Locator combo = offer.locator("vaadin-combo-box");
        assertThat(combo).isVisible();
        settle();
        assertThat(PhoneFit.assertNothingCutOff(page, "the offer's therapist field", WIDTH, combo))
                .isEqualTo("Therapist");
        combo.locator("[part~='toggle-button']").click();
        Locator first = page.getByRole(AriaRole.OPTION).first();
        assertThat(first).isVisible();
        atRest(first);
        String options = PhoneFit.assertNothingCutOff(page, "the offer's therapist list", WIDTH, combo);
        assertThat(options).as("the list is read").contains("Therapist", first.innerText())
                .doesNotContain(LAST_THERAPIST);
        page.keyboard().press("Escape");
    }
}
