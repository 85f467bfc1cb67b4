package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.intake.SubmissionReceipt;
import app.thaw.dev.DemoStaffAccounts;

/**
 * Issue 14 point 3: the production Content-Security-Policy has no 'unsafe-eval' and no 'unsafe-inline' for scripts,
 * and the main pages work under it with nothing refused: the client's questionnaire (with its error summary), sign-in
 * with the second factor, the review queue, a case, and the diary's booking dialog. Vaadin's bootstrap scripts carry
 * the page's nonce and Flow's client takes its functions from the pre-built map. Every other browser test runs under
 * the same policy and fails on any refusal ({@link StrictCsp}); this one also proves the policy really refuses eval
 * and unsigned inline scripts.
 */
class StrictCspBrowserIT extends BrowserTest {

    @Autowired
    IntakeService intake;

    private final List<String> policies = Collections.synchronizedList(new ArrayList<>());

    @Test
    void theMainPagesWorkUnderTheStrictPolicyWithNothingRefused() {
        SubmissionReceipt receipt = submitted();
        watchDocuments();

        // the client's questionnaire: a step, the error summary for what is missing, then an answer
        open("/");
        assertSigned("the landing page");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the form")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("About you").setLevel(2)))
                .isVisible();
        waitForVaadin();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
        assertThat(page.locator(".error-summary h2")).hasText("There is a problem");
        waitForVaadin();
        page.locator(".error-summary a").first().click();
        var name = page.getByLabel("Your full name", new Page.GetByLabelOptions().setExact(true));
        name.fill("Robin Ellis");
        name.press("Tab");
        assertThat(page.getByTestId("resume-link")).isVisible();
        waitForVaadin();
        int clientFunctions = functionsServed();

        // staff: sign-in with the code, the queue, a case, the diary's booking dialog for it
        useDesktop();
        watchDocuments();
        open("/login");
        assertSigned("the sign-in page");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cases").setExact(true)))
                .isVisible();
        var search = page.getByLabel("Search by name or reference");
        search.fill(receipt.reference());
        search.press("Enter");
        waitForVaadin();
        var row = page.getByRole(AriaRole.GRIDCELL, new Page.GetByRoleOptions().setName(receipt.reference())
                .setExact(true));
        assertThat(row).hasCount(1);
        // J selects the next case and scrolls the grid to it: a call only the key reaches (not in the map before)
        row.focus();
        page.keyboard().press("j");
        waitForVaadin();
        assertThat(page.locator("vaadin-grid tr[aria-selected='true']")).hasCount(1);

        open("/staff/cases/" + receipt.reference());
        assertSigned("a case");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)))
                .containsText(receipt.reference());
        page.keyboard().press("Shift+Slash");
        var help = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"));
        help.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Close"))
                .click();
        waitForVaadin();
        // Alt+T jumps to the contributing factors: it did nothing in production, its script not in the map
        page.keyboard().press("Alt+t");
        waitForVaadin();
        assertThat(page.locator("#factors")).isFocused();

        open("/staff/calendar?case=" + receipt.reference());
        assertSigned("the diary");
        var book = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true));
        assertThat(book).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find free times")).click();
        waitForVaadin();
        int staffFunctions = functionsServed();

        StrictCsp.settle(List.of(context));
        if (!StrictCsp.RECORDING) {
            assertThat(csp.missingFunctions()).as("functions missing from the map").isEmpty();
            assertThat(csp.violations()).as("securitypolicyviolation events").isEmpty();
            assertThat(csp.consoleErrors()).as("console errors about the policy").isEmpty();
            assertThat(clientFunctions).as("functions the client's pages took from the map").isPositive();
            assertThat(staffFunctions).as("functions the staff pages took from the map").isPositive();
            assertThat(policies).as("every page's policy").hasSizeGreaterThanOrEqualTo(4).allSatisfy(policy -> {
                String scripts = scriptSources(policy);
                assertThat(scripts).startsWith("script-src 'self' 'nonce-").doesNotContain("unsafe");
            });
            assertThat(policies).as("a fresh nonce for every page").doesNotHaveDuplicates();
        }
        System.out.println("StrictCspBrowserIT: " + policies.size() + " pages, " + (clientFunctions + staffFunctions)
                + " functions from the map, " + csp.violations().size() + " CSP violations");
    }

    @Test
    void evalAndInlineScriptsWithoutTheNonceAreRefused() {
        assumeFalse(StrictCsp.RECORDING, "a recording run turns the strict policy off");
        open("/");
        // a script from this origin, as injected code would have to be, trying both
        page.route("**/csp-probe.js", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                .setContentType("text/javascript").setBody("""
                        window.__refused = [];
                        document.addEventListener('securitypolicyviolation',
                            e => window.__refused.push(e.violatedDirective + ' ' + e.blockedURI));
                        window.__evalResult = (function () {
                          try { return String(new Function('return 41 + 1')()); } catch (e) { return e.name; }
                        })();
                        var inline = document.createElement('script');
                        inline.textContent = 'window.__inlineRan = true';
                        document.head.appendChild(inline);
                        """)));
        // added as the page itself would (Playwright's addScriptTag treats the inline refusal as its own failure)
        page.evaluate("() => { const s = document.createElement('script'); s.src = '/csp-probe.js'; "
                + "document.head.appendChild(s); }");
        page.waitForFunction("() => window.__refused && window.__refused.length >= 2");

        assertThat(page.evaluate("() => window.__evalResult")).isEqualTo("EvalError");
        assertThat(page.evaluate("() => window.__inlineRan === true")).isEqualTo(false);
        @SuppressWarnings("unchecked")
        var refused = (List<String>) page.evaluate("() => window.__refused");
        assertThat(refused).contains("script-src eval", "script-src-elem inline");
        // the browser's console messages about the two refusals come after the events
        page.waitForTimeout(500);
        StrictCsp.settle(List.of(context));
        // refused as they must be: not a failure of this test
        csp.forget();
    }

    private void watchDocuments() {
        context.onResponse(response -> {
            if ("document".equals(response.request().resourceType()) && response.status() == 200
                    && response.headers().getOrDefault("content-type", "").startsWith("text/html")) {
                policies.add(response.headers().getOrDefault("content-security-policy", ""));
            }
        });
    }

    /** The page's policy names its nonce, and every script Vaadin wrote into the page carries it. */
    private void assertSigned(String where) {
        if (StrictCsp.RECORDING) {
            return;
        }
        @SuppressWarnings("unchecked")
        var scripts = (Map<String, Object>) page.evaluate("""
                () => ({ inline: [...document.scripts].filter(s => !s.src).length,
                         unsigned: [...document.scripts].filter(s => !s.nonce).length,
                         map: [...document.scripts].filter(s => s.src.includes('/csp/flow-functions.js')).length })""");
        assertThat(scripts).as(where).containsEntry("unsigned", 0).containsEntry("map", 1);
        assertThat(((Number) scripts.get("inline")).intValue()).as(where + ": Vaadin's bootstrap scripts").isPositive();
    }

    private int functionsServed() {
        return ((Number) page.evaluate("() => window.__thawFlowFunctions ? window.__thawFlowFunctions.hits : 0"))
                .intValue();
    }

    private static String scriptSources(String policy) {
        for (String directive : policy.split(";")) {
            if (directive.strip().startsWith("script-src")) {
                return directive.strip();
            }
        }
        return "";
    }

    private SubmissionReceipt submitted() {
        String address = "10.14." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
        String token = intake.startDraft(null, address).orElseThrow().token();
        assertThat(intake.saveAnswers(token, IntakeFixtures.completeAnswers("Kit Strictly").asMap(), "consent"))
                .isTrue();
        var outcome = intake.submit(token, address, false);
        assertThat(outcome).isInstanceOf(SubmissionOutcome.Submitted.class);
        return ((SubmissionOutcome.Submitted) outcome).receipt();
    }
}
