package app.thaw.abuse;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.browser.BrowserTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.dev.DemoStaffAccounts;

/**
 * In a real Chromium: markup a client typed is shown as text on the client's review step, the staff queue and the
 * case, and none of it runs (window.__pwned stays undefined, no dialog opens); no response is a server error.
 */
class InjectionBrowserIT extends BrowserTest {

    private static final String PWNED = "() => window.__pwned === undefined";

    @Autowired
    IntakeService intake;

    @Autowired
    JdbcTemplate jdbc;

    private final List<String> serverErrors = new CopyOnWriteArrayList<>();
    private final List<String> dialogs = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() {
        context.onResponse(response -> {
            if (response.status() >= 500) {
                serverErrors.add(response.status() + " " + response.url());
            }
        });
        context.onPage(opened -> opened.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        }));
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
    }

    @Test
    void injectedMarkupIsShownAsTextToTheClientAndTheTherapistAndNeverRuns() {
        String surname = ReviewTestData.uniqueWord();
        String name = "<img src=x onerror=\"window.__pwned=1;alert(1)\"> " + surname;
        String story = "<script>window.__pwned=1</script> {{constructor.constructor('window.__pwned=1')()}} "
                + "${7*7} javascript:window.__pwned=1 '; drop table intake; -- مرحبا \u200Fevil\u200E 👩‍👩‍👧‍👦";
        long before = jdbc.queryForObject("select count(*) from intake", Long.class);
        String token = intake.startDraft(null, IntakeInputAbuseIT.address()).orElseThrow().token();
        intake.saveAnswers(token, IntakeFixtures.completeAnswers(name).with("presenting.what_brings_you", story)
                .with("about.preferred_name", "<b>Bold</b>").asMap(), "consent");

        open("/intake/resume/" + token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
        waitForVaadin();
        assertThat(page.getByText(name, new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByText(story, new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByText("<b>Bold</b>", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertNothingRan();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my form")).click();
        assertThat(page.getByText("Thank you — we've received your form")).isVisible();
        String reference = page.locator("[data-testid=reference]").textContent();
        assertEquals(before + 1, jdbc.queryForObject("select count(*) from intake", Long.class));
        assertNothingRan();

        // the therapist's queue search and case page (sign-in through the shared helper)
        context.clearCookies();
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        Locator search = page.getByLabel("Search by name or reference");
        search.fill(surname);
        search.press("Enter");
        waitForVaadin();
        // grid cells are light-DOM text: the reference and the name exactly as the client typed it
        assertThat(page.getByText(reference, new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByText(name, new Page.GetByTextOptions().setExact(true))).isVisible();
        assertNothingRan();
        search.fill("<img src=x onerror=window.__pwned=1> '; drop table intake; -- {{7*7}}");
        search.press("Enter");
        waitForVaadin();
        assertNothingRan();

        open("/staff/cases/" + reference);
        assertThat(page.getByText(name).first()).isVisible();
        assertThat(page.getByText(story).first()).isVisible();
        assertNothingRan();

        // odd case references: "not found", never a server error
        for (String odd : List.of("%00", "'%3B%20drop%20table%20intake%3B%20--", "%3Cscript%3E", "THW-000000")) {
            // asked first with the page's cookies: Chromium won't show an empty 400 from the request firewall
            int status = page.request().get(url("/staff/cases/" + odd)).status();
            assertTrue(status < 500, odd + " answered " + status);
            if (status == 200) {
                open("/staff/cases/" + odd);
                assertThat(page.getByText("We couldn't find that page")).isVisible();
            }
        }
        assertEquals(before + 1, jdbc.queryForObject("select count(*) from intake", Long.class));
        assertNothingRan();
    }

    private void assertNothingRan() {
        assertTrue((Boolean) page.evaluate(PWNED), "injected script ran");
        assertEquals(0, (int) page.evaluate("() => document.querySelectorAll('img[src=x]').length "
                + "+ [...document.querySelectorAll('b')].filter(b => b.textContent === 'Bold').length"),
                "an element was made from typed text");
        assertEquals(List.of(), dialogs, "a dialog opened");
        assertEquals(List.of(), serverErrors, "server errors");
    }
}
