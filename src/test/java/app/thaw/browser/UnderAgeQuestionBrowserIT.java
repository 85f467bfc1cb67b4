package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * A mistyped birth year on the narrowest phone: the question whether the date is right shows whole, its two answers
 * on screen, and correcting it keeps everything typed.
 */
class UnderAgeQuestionBrowserIT extends BrowserTest {

    private static final int WIDTH = 320;

    @Test
    void aYearOfBirthUnder18IsAskedAboutOnThePhoneAndCorrectedWithNothingLost() {
        usePhone(WIDTH, 640);
        open("/intake");
        page.getByLabel("Your full name", new Page.GetByLabelOptions().setExact(true)).fill("Ash Typo");
        page.getByLabel("Day", new Page.GetByLabelOptions().setExact(true)).fill("3");
        page.getByLabel("Month", new Page.GetByLabelOptions().setExact(true)).fill("4");
        int year = LocalDate.now().getYear() - 16;
        page.getByLabel("Year", new Page.GetByLabelOptions().setExact(true)).fill(String.valueOf(year));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
        waitForVaadin();

        var question = page.locator(".age-check");
        assertThat(question).containsText("born on 3 April " + year);
        var correct = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("No, let me correct it"));
        var right = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, the date is right"));
        assertThat(correct).isFocused();
        Reflow.assertEveryWordVisible(page, "the under-18 question");
        PhoneFit.assertFits(page, "the under-18 question", WIDTH, new PhoneFit.Control("its keep-the-form answer",
                correct), new PhoneFit.Control("its delete-the-form answer", right));

        correct.click();
        waitForVaadin();
        assertThat(question).hasCount(0);
        assertThat(page.getByLabel("Your full name", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("Ash Typo");
        page.getByLabel("Year", new Page.GetByLabelOptions().setExact(true)).fill("1990");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Contacting you safely")))
                .isVisible();
    }
}
