package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
 * A therapist on the narrowest phone (320×640) records, from the waiting list, that a waiting client now waits for Tom
 * online (they said so on the phone): the row's "Waits for" button, its dialog's format, therapist and Save lie inside
 * the screen, and its long title and Tom's name in the open list show whole; the row, the database and the audit then
 * say "Online" and Tom. The client's "Offer times" dialog opens from the same row with its therapist, "Find times"
 * and "Offer and hold" inside the screen, and is left without an offer. (The same recording without a browser is in
 * {@code WaitlistViewTest}.)
 */
class WaitlistOnPhonesBrowserIT extends StaffPhoneTest {

    private static final int WIDTH = 320;

    @Autowired
    CaseOpeningService caseOpening;

    @Autowired
    ReferralService referrals;

    @Autowired
    CareActions care;

    @Test
    void aTherapistRecordsThatAWaitingClientWaitsForTomOnlineThenOpensTheirOfferOnThe320PixelPhone() {
        var data = data();
        String name = "Lee " + ReviewTestData.uniqueWord();
        var client = new WaitlistTestData(data, caseOpening, referrals, care, jdbc).waitingClient(name);
        String reference = client.reference();
        String tom = jdbc.queryForObject("select display_name from staff_account where username = 'tom'",
                String.class);
        String amira = jdbc.queryForObject("select display_name from staff_account where username = 'amira'",
                String.class);
        String title = "What " + name + " (" + reference + ") wait for";

        usePhone(WIDTH, 640);
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/waitlist");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting list")
                .setExact(true))).isVisible();

        // the case's card, scrolled to: its button is on screen
        Locator waitsFor = inWaitingList("waits-for-" + reference, WIDTH);
        assertThat(waitsFor).hasText("Either · anyone");
        assertFits("the waiting list", WIDTH, control("the client's 'Waits for' button", waitsFor));
        PhoneFit.assertWholeTextShown(page, "the client's 'Waits for' button", WIDTH, waitsFor, "Either · anyone");

        // the client now wants Tom, online
        waitsFor.click();
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName(title));
        // the dialog's own box is laid out by its overlay: its title is what shows it open
        assertThat(dialogTitle(dialog, title)).isVisible();
        settle();
        PhoneFit.assertWholeTextShown(page, "the dialog's title", WIDTH, dialogTitle(dialog, title), title);
        Locator format = dialog.getByRole(AriaRole.RADIOGROUP, new Locator.GetByRoleOptions().setName("Format"));
        Locator online = dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Online")
                .setExact(true));
        Locator therapist = therapistField(dialog);
        Locator save = inDialog(dialog, "Save");
        Locator cancel = inDialog(dialog, "Cancel");
        assertThat(dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Either")
                .setExact(true))).isChecked();
        assertThat(therapist).containsText("Anyone");
        assertFits("the 'Waits for' dialog", WIDTH, control("the 'Format' radio group", format),
                control("the 'Online' choice", online), control("the 'Therapist' select", therapist),
                control("the 'Cancel' button", cancel), control("the 'Save' button", save));
        online.click();
        assertThat(online).isChecked();
        therapist.click();
        Locator anyone = page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Anyone")
                .setExact(true));
        Locator tomChoice = page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(tom).setExact(true));
        tomChoice.scrollIntoViewIfNeeded();
        atRest(tomChoice);
        assertFits("the list of therapists", WIDTH, control("the 'Anyone' choice", anyone),
                control("the '" + tom + "' choice", tomChoice));
        PhoneFit.assertWholeTextShown(page, "the '" + tom + "' choice", WIDTH, tomChoice, tom);
        PhoneFit.assertNothingCutOff(page, "the 'Waits for' dialog with its list open", WIDTH, dialog);
        tomChoice.click();
        waitForVaadin();
        assertThat(therapist).containsText(tom);
        PhoneFit.assertWholeTextShown(page, "the therapist chosen", WIDTH, therapist.locator("vaadin-select-item"),
                tom);
        assertFits("the 'Waits for' dialog with Tom chosen", WIDTH, control("the 'Therapist' select", therapist),
                control("the 'Save' button", save));
        save.click();
        assertThat(dialog).hasCount(0);
        waitForVaadin();

        // the row, the database and the audit say the same
        waitsFor = inWaitingList("waits-for-" + reference, WIDTH);
        assertThat(waitsFor).hasText("Online · " + tom);
        assertFits("the waiting list after saving", WIDTH, control("the client's 'Waits for' button", waitsFor));
        PhoneFit.assertWholeTextShown(page, "the client's 'Waits for' button", WIDTH, waitsFor, "Online · " + tom);
        assertThat(jdbc.queryForObject("select preferred_therapist_id from waitlist_entry where intake_id = ? "
                + "and state = 'WAITING'", Long.class, client.id())).isEqualTo(data.idOf("tom"));
        assertThat(data.audit(client.id())).anySatisfy(entry -> assertThat(entry.get("detail"))
                .isEqualTo("Waits for: online, " + tom));

        // "Offer times" from the same row: a therapist offers times from her own diary, online as the client waits
        // for; looked at, and left without an offer
        Locator offer = inWaitingList("offer-" + reference, WIDTH);
        assertFits("the waiting list", WIDTH, control("the client's 'Offer times' button", offer));
        offer.click();
        String offerTitle = "Offer times to " + name + " (" + reference + ")";
        Locator offerDialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName(offerTitle));
        assertThat(dialogTitle(offerDialog, offerTitle)).isVisible();
        settle();
        Locator offerTherapist = offerDialog.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions()
                .setName("Therapist"));
        assertThat(offerTherapist).hasValue(amira);
        assertThat(offerDialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Online")
                .setExact(true))).isChecked();
        Locator find = inDialog(offerDialog, "Find times");
        Locator offerAndHold = inDialog(offerDialog, "Offer and hold");
        Locator leave = inDialog(offerDialog, "Cancel");
        PhoneFit.assertWholeTextShown(page, "the offer dialog's title", WIDTH, dialogTitle(offerDialog, offerTitle),
                offerTitle);
        assertFits("the offer dialog", WIDTH, control("the 'Therapist' field", offerTherapist));
        find.scrollIntoViewIfNeeded();
        assertFits("the offer dialog", WIDTH, control("the 'Find times' button", find));
        offerAndHold.scrollIntoViewIfNeeded();
        assertFits("the offer dialog's buttons", WIDTH, control("the 'Cancel' button", leave),
                control("the 'Offer and hold' button", offerAndHold));
        leave.click();
        assertThat(offerDialog).hasCount(0);
        assertThat(jdbc.queryForObject("select count(*) from slot_offer o join waitlist_entry e on e.id = o.entry_id "
                + "where e.intake_id = ?", Integer.class, client.id())).as("no offer made").isZero();
    }

    private static Locator dialogTitle(Locator dialog, String title) {
        return dialog.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName(title).setExact(true));
    }

    private static Locator inDialog(Locator dialog, String name) {
        return dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }
}
