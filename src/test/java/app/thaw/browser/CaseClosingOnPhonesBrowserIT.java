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

import app.thaw.Application;
import app.thaw.base.PracticeTime;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionView;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAdministration;

/**
 * A therapist on the narrowest phone (320×640) closes the case of a client who still has a session booked: the
 * refusal says which session and to cancel it in the diary first, every word of it on the screen, and the case stays
 * as it was. The therapist cancels the session in the diary, goes back to the case and closes it. (The same refusal
 * without a browser is in {@code CaseViewTest}.)
 */
class CaseClosingOnPhonesBrowserIT extends StaffPhoneTest {

    private static final String THERAPIST = "amira";
    private static final int WIDTH = 320;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    StaffAdministration team;

    @Test
    void aCaseWithASessionStillBookedIsClosedOnceTheSessionIsCancelledInTheDiaryOnThe320PixelPhone() {
        var data = data();
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        String surname = ReviewTestData.uniqueWord();
        String name = "Jules " + surname;
        var client = data.submit(IntakeFixtures.completeAnswers(name));
        String reference = client.reference();
        // a few days ahead, so the therapist finds it in the diary with "Next" as a person would
        LocalDate soon = LocalDate.now(Application.PRACTICE_ZONE).plusDays(3);
        SessionView session = week.bookFirstFree(week.online(client.id(), data.idOf(THERAPIST),
                WorkingWeekData.at(soon, 9, 0)));
        String refusal = reference + " still has a session booked, the next on "
                + PracticeTime.DAY_TIME.format(session.start()) + ": cancel it in the diary first (the client is "
                + "told), then close the case.";
        assertThat(status(reference)).as("booked, the case is scheduled").isEqualTo("SCHEDULED");

        // the case, opened from the queue, and its course of care
        searchQueueOnPhoneAs(THERAPIST, surname);
        page.locator("vaadin-grid-cell-content .queue-card strong").filter(new Locator.FilterOptions()
                .setHasText(name).setVisible(true)).click();
        page.waitForURL("**/staff/cases/" + reference);
        waitForVaadin();
        Locator stage = page.locator(".care-status");
        assertThat(stage).hasText("Status: Scheduled");

        // closing is refused: the whole refusal on the screen, the case as it was
        closeCase();
        Locator refused = page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText(reference + " still has"));
        assertThat(refused).hasText(refusal);
        settle();
        PhoneFit.assertWholeTextShown(page, "the refusal to close the case", WIDTH, refused, refusal);
        assertFits("the case with the refusal shown", WIDTH, control("the refusal", refused));
        assertThat(status(reference)).as("the case's status after the refusal").isEqualTo("SCHEDULED");
        assertThat(data.auditActions(client.id())).doesNotContain("CASE_CLOSED");
        assertThat(stage).hasText("Status: Scheduled");
        assertThat(button("Close the case…")).isVisible();
        // the refusal stays until it has been read: its own button closes it
        Locator dismiss = refused.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Close this message"));
        assertFits("the refusal's close button", WIDTH, control("the close button", dismiss));
        dismiss.click();
        assertThat(refused).hasCount(0);

        // the diary, from the menu: the week of the session, the session, cancelled with a reason
        page.locator("vaadin-drawer-toggle").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Diary").setExact(true)).click();
        page.waitForURL("**/staff/calendar");
        waitForVaadin();
        showWeekOf(session.start().toLocalDate());
        Locator block = sessionBlock(name);
        assertThat(block).hasCount(1);
        // the week is wider than the phone and scrolls inside its box: the session, scrolled to, is all on screen
        block.scrollIntoViewIfNeeded();
        assertFits("the diary's week", WIDTH, control("the session in the diary", block));
        block.click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText(reference);
        Locator cancel = inDialog(dialog, "Cancel session");
        assertFits("the session's dialog", WIDTH, control("the 'Cancel session' button", cancel));
        cancel.click();
        Locator reason = dialog.locator("vaadin-text-area textarea");
        reason.fill("The client is moving away");
        Locator confirm = inDialog(dialog, "Confirm cancellation");
        assertFits("the session's cancel form", WIDTH, control("the reason field", reason),
                control("the 'Confirm cancellation' button", confirm));
        confirm.click();
        assertThat(dialog).isHidden();
        assertThat(block).hasCount(0);
        assertThat(jdbc.queryForObject("select state from appointment where id = ?", String.class, session.id()))
                .isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where appointment_id = ? "
                + "and kind = 'CANCELLED'", Integer.class, session.id())).as("the client is told").isEqualTo(1);

        // the phone's Back returns to the case, where closing now succeeds
        page.goBack();
        page.waitForURL("**/staff/cases/" + reference);
        waitForVaadin();
        assertThat(stage).not().hasText("Status: Scheduled");
        closeCase();
        assertThat(stage).hasText("Status: Closed");
        Locator reopen = button("Reopen the case");
        assertThat(reopen).isVisible();
        assertFits("the closed case", WIDTH, control("the 'Reopen the case' button", reopen));
        assertThat(status(reference)).isEqualTo("CLOSED");
        assertThat(data.auditActions(client.id())).containsOnlyOnce("CASE_CLOSED");
    }

    /** "Close the case…", a reason chosen in its dialog, "Close the case": each checked to lie inside the screen. */
    private void closeCase() {
        Locator open = button("Close the case…");
        assertFits("the case's course of care", WIDTH, control("the 'Close the case…' button", open));
        open.click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Close the case");
        Locator why = dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Why(\\s|$)")));
        why.click();
        Locator withdrew = page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions()
                .setName("The client withdrew").setExact(true));
        atRest(withdrew);
        assertFits("the list of reasons", WIDTH, control("the 'The client withdrew' choice", withdrew));
        PhoneFit.assertWholeTextShown(page, "the 'The client withdrew' choice", WIDTH, withdrew, "The client withdrew");
        withdrew.click();
        waitForVaadin();
        assertThat(why).containsText("The client withdrew");
        Locator close = inDialog(dialog, "Close the case");
        assertFits("the 'Close the case' dialog", WIDTH, control("the 'Why' field", why),
                control("the 'Close the case' button", close));
        close.click();
        assertThat(dialog).isHidden();
        waitForVaadin();
    }

    private static Locator inDialog(Locator dialog, String name) {
        return dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private String status(String reference) {
        return jdbc.queryForObject("select status from intake where reference = ?", String.class, reference);
    }
}
