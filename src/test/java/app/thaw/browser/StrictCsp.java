package app.thaw.browser;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

/**
 * Watches every page of a test for what the Content-Security-Policy refused: each {@code securitypolicyviolation}
 * event, each console error naming the policy, and each function the page asked for that the strict policy's map
 * lacks. A browser test fails on any of them, listing them. Run with {@code -Dthaw.csp.record=true
 * -Dthaw.security.strict-csp=false}, the missing functions are added to the map instead ({@link FlowFunctionMap}).
 */
public final class StrictCsp {

    static final boolean RECORDING = Boolean.getBoolean("thaw.csp.record");

    private static final String VIOLATION = "thaw-csp-violation ";
    private static final String MISSING = "thaw-csp-missing-function ";
    private static final String REPORT_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', e => console.error('%s' + JSON.stringify({
              directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber,
              sample: e.sample, page: location.pathname })), true);
            """.formatted(VIOLATION);

    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> missing = Collections.synchronizedSet(new LinkedHashSet<>());

    void watch(BrowserContext context) {
        context.addInitScript(REPORT_VIOLATIONS);
        context.onConsoleMessage(message -> {
            String text = message.text();
            if (text.startsWith(MISSING)) {
                missing.add(text.substring(MISSING.length()));
            } else if (text.startsWith(VIOLATION)) {
                violations.add(text.substring(VIOLATION.length()));
            } else if (text.contains("Content Security Policy") || text.contains("Content-Security-Policy")) {
                consoleErrors.add(text + " (" + message.location() + ")");
            }
        });
    }

    /** The {@code securitypolicyviolation} events seen so far on any page of the test. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Console messages about the policy seen so far (Chromium logs one for each refusal). */
    public List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    /** Functions a page asked for that the map lacks. */
    public Set<String> missingFunctions() {
        return Set.copyOf(missing);
    }

    /** Forgets what was refused so far: for a test that provoked refusals on purpose and checked them. */
    public void forget() {
        violations.clear();
        consoleErrors.clear();
        missing.clear();
    }

    /** Lets Playwright deliver console messages still on their way from the pages. */
    static void settle(List<BrowserContext> contexts) {
        for (BrowserContext context : contexts) {
            for (Page page : context.pages()) {
                try {
                    page.evaluate("0");
                } catch (PlaywrightException closedOrNavigating) {
                    // nothing more will come from this page
                }
            }
        }
    }

    void check() {
        if (RECORDING) {
            FlowFunctionMap.record(missingFunctions());
            return;
        }
        if (missing.isEmpty() && violations.isEmpty() && consoleErrors.isEmpty()) {
            return;
        }
        fail("The strict Content-Security-Policy refused something on this test's pages.\n"
                + "Functions not in csp/flow-functions.js (record them: ./mvnw verify -Dit.test=<this test> "
                + "-Dthaw.csp.record=true -Dthaw.security.strict-csp=false, see docs/security.md):\n  "
                + String.join("\n  ", missingFunctions()) + "\nViolations:\n  " + String.join("\n  ", violations())
                + "\nConsole:\n  " + String.join("\n  ", consoleErrors()));
    }
}
