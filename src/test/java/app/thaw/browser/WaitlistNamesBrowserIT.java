package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import app.thaw.waitlist.WaitlistTestData;

/**
 * The practice works from the waiting list's names: a couple with a long double-barrelled surname is read whole in
 * its row on the narrowest phone, a phone, a small tablet upright and an iPad mini (320 to 744 px), where the
 * names were cut to "Alex Montgomery-…" below 768 px; and on those screens the list keeps a readable height under
 * its filters (92 px, one row, on the 320×640 phone).
 */
class WaitlistNamesBrowserIT extends StaffPhoneTest {

    private static final int[][] SCREENS = {{320, 640}, {390, 844}, {600, 960}, {700, 1000}, {744, 1133}};

    @Autowired
    CaseOpeningService caseOpening;

    @Autowired
    ReferralService referrals;

    @Autowired
    CareActions care;

    @Test
    void aCouplesNamesShowWholeInTheirRowFromTheNarrowestPhoneToASmallTablet() {
        var data = data();
        String surname = "Montgomery-" + ReviewTestData.uniqueWord();
        var couple = new WaitlistTestData(data, caseOpening, referrals, care, jdbc).waitingCouple(surname);
        String names = "Alex " + surname + " & Sam " + surname;

        usePhone(320, 640);
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        for (int[] screen : SCREENS) {
            int width = screen[0];
            page.setViewportSize(width, screen[1]);
            open("/staff/waitlist");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting list")
                    .setExact(true))).isVisible();
            if (width < 768) {
                assertReadableHeight("the waiting list", page.locator("vaadin-grid.waitlist-grid"), screen[1]);
            }
            inWaitingList("waits-for-" + couple.alex().reference(), width);
            // the names in their row, or in their card on a phone
            Locator cell = page.locator("vaadin-grid-cell-content .waitlist-clients").filter(new Locator.FilterOptions()
                    .setHasText(names).setVisible(true));
            assertThat(cell).hasCount(1);
            cell.evaluate("c => c.scrollIntoView({ block: 'center', inline: 'nearest' })");
            settle();
            PhoneFit.assertWholeTextShown(page, "the couple's names in their row", width, cell, names);
        }
    }
}
