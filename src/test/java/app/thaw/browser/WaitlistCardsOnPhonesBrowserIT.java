package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.dev.DemoStaffAccounts;
import app.thaw.review.CareActions;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.waitlist.WaitlistFilter;
import app.thaw.waitlist.WaitlistService;
import app.thaw.waitlist.WaitlistTestData;

/**
 * The waiting list on phones 320 and 390 px wide is one card a case: the page does not scroll sideways (six columns
 * put "Offer times" at 617 px of a 320 px screen), the first case's "Offer times" and "Waits for" lie inside the
 * screen and are easy to tap, each button's id is on the page once, and a couple's long names wrap whole in their card.
 */
class WaitlistCardsOnPhonesBrowserIT extends StaffPhoneTest {

    @Autowired
    CaseOpeningService caseOpening;

    @Autowired
    ReferralService referrals;

    @Autowired
    CareActions care;

    @Autowired
    WaitlistService list;

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {320, 390})
    void eachCaseIsACardWithItsButtonsOnTheScreenAndItsNamesWhole(int width) {
        var data = data();
        String surname = "Montgomery-" + ReviewTestData.uniqueWord();
        var couple = new WaitlistTestData(data, caseOpening, referrals, care, jdbc).waitingCouple(surname);
        String names = "Alex " + surname + " & Sam " + surname;
        String first = data.as("amira", () -> list.waiting(new WaitlistFilter(null, null, false, 200, 0)))
                .getFirst().reference();

        usePhone(width, width == 320 ? 640 : 844);
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/waitlist");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting list")
                .setExact(true))).isVisible();

        // the first case, as the list opens
        Locator offer = page.locator("#offer-" + first);
        Locator waitsFor = page.locator("#waits-for-" + first);
        offer.waitFor();
        assertThat(offer).hasText("Offer times");
        waitsFor.scrollIntoViewIfNeeded();
        settle();
        assertFits("the waiting list", width, control("the first case's 'Offer times' button", offer),
                control("the first case's 'Waits for' button", waitsFor));
        Locator grid = page.locator("vaadin-grid.waitlist-grid");
        // nor does the list itself scroll sideways, nor was it scrolled so to bring the buttons on screen
        @SuppressWarnings("unchecked")
        var table = (Map<String, Object>) grid.evaluate("g => { const t = g.shadowRoot.querySelector('#table'); "
                + "return { over: t.scrollWidth - t.clientWidth, left: t.scrollLeft }; }");
        assertThat(((Number) table.get("over")).intValue()).as("the list's own sideways scroll at %d px", width)
                .isLessThanOrEqualTo(1);
        assertThat(((Number) table.get("left")).intValue()).as("the list scrolled sideways at %d px", width).isZero();
        assertThat(grid.locator("vaadin-grid-cell-content .waitlist-card").first()).isVisible();
        for (Locator button : new Locator[] {offer, waitsFor}) {
            assertThat(button.boundingBox().height).as("%s's height", button).isGreaterThanOrEqualTo(24);
        }
        // a hidden column makes no copy of the buttons: each id once
        assertThat(page.locator("[id='offer-" + first + "']").count()).isEqualTo(1);
        assertThat(page.locator("[id='waits-for-" + first + "']").count()).isEqualTo(1);

        // the couple's names, scrolled to: whole, wrapped inside the card
        Locator coupleOffer = inWaitingList("offer-" + couple.alex().reference(), width);
        Locator card = page.locator("vaadin-grid-cell-content .waitlist-card").filter(new Locator.FilterOptions()
                .setHas(coupleOffer));
        Locator clients = card.locator(".waitlist-clients");
        clients.scrollIntoViewIfNeeded();
        settle();
        assertThat(clients).hasText(names);
        @SuppressWarnings("unchecked")
        var box = (Map<String, Object>) clients.evaluate("e => ({ scroll: e.scrollWidth, client: e.clientWidth })");
        assertThat(((Number) box.get("scroll")).intValue()).as("the names' width in their box at %d px", width)
                .isLessThanOrEqualTo(((Number) box.get("client")).intValue());
        PhoneFit.assertWholeTextShown(page, "the couple's names in their card", width, clients, names);
        assertFits("the couple's card", width, control("the couple's 'Offer times' button", coupleOffer),
                control("the couple's 'Waits for' button", card.locator("#waits-for-" + couple.alex().reference())));
    }
}
