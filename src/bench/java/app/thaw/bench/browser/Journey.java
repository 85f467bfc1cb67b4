package app.thaw.bench.browser;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The therapist's steps in the browser. Each {@code prepare…} sets a step up untimed (opening the diary, filling a
 * form); the timed steps click and wait inside the page for what the person waits to see.
 */
final class Journey {

    private static final String IDLE = "() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients "
            + "&& Object.keys(window.Vaadin.Flow.clients).length > 0 "
            + "&& Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())";
    /** True once the queue grid shows a row (a reference in a visible cell): the time since navigation start. */
    private static final String ROWS_SHOWN = "() => { const cell = [...document.querySelectorAll("
            + "'vaadin-grid-cell-content')].find(c => /^THW-/.test(c.textContent.trim())"
            + " && c.getBoundingClientRect().height > 0); return cell ? performance.now() : false; }";
    private static final String CASE_SHOWN = "() => { const a = document.querySelector('.case-view .answers-panel');"
            + " return a && a.getBoundingClientRect().height > 0 ? performance.now() - window.__bench.clickAt : false; }";
    /** A notification shown after the click (not one left from before) and no dialog open any more. */
    private static final String DONE = "text => { const fresh = [...document.querySelectorAll("
            + "'vaadin-notification-card')].some(c => !c.dataset.benchSeen && c.textContent.includes(text));"
            + " const open = document.querySelector('vaadin-dialog[opened], vaadin-dialog-overlay[opened]');"
            + " if (fresh && !open) return performance.now() - window.__bench.clickAt;"
            + " const problem = [...document.querySelectorAll('.dialog-problem, .gate-notice')]"
            + ".find(p => p.textContent.trim() && p.getBoundingClientRect().height > 0);"
            + " return problem ? -1 : false; }";
    private static final String TRACE = "() => performance.getEntriesByType('resource')"
            + ".filter(e => e.startTime >= window.__bench.clickAt && e.name.includes('v-r='))"
            + ".map(e => Math.round(e.startTime - window.__bench.clickAt) + '–'"
            + " + Math.round(e.responseStart - window.__bench.clickAt) + '–'"
            + " + Math.round(e.responseEnd - window.__bench.clickAt)).join(', ')";
    /** Elements in the page, shadow roots included, by tag: what a forced style recalculation walks. */
    private static final String ELEMENTS = "() => { const count = {}; let total = 0;"
            + " const walk = root => root.querySelectorAll('*').forEach(e => { total++;"
            + " count[e.localName] = (count[e.localName] || 0) + 1; if (e.shadowRoot) walk(e.shadowRoot); });"
            + " walk(document); return total + ' elements; most: ' + Object.entries(count)"
            + ".sort((a, b) => b[1] - a[1]).slice(0, 12).map(([t, n]) => t + ' ' + n).join(', '); }";
    private static final String MARK_NOTIFICATIONS = "() => document.querySelectorAll('vaadin-notification-card')"
            + ".forEach(c => c.dataset.benchSeen = '1')";

    private final Page page;
    private final String base;
    private final RoundTrips trips;
    /** --trace: each action's Vaadin requests against its click, to see where an action's time goes. */
    private final boolean trace;

    Journey(Page page, String base, RoundTrips trips, boolean trace) {
        this.page = page;
        this.trace = trace;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.trips = trips;
    }

    /** The login page with an empty cache: what a first visit downloads, the precompiled bundle above all. */
    String coldLogin() {
        trips.clear();
        page.navigate(base + "/login");
        idle();
        @SuppressWarnings("unchecked")
        var files = (List<Map<String, Object>>) page.evaluate("() => performance.getEntriesByType('resource')"
                + ".concat(performance.getEntriesByType('navigation')).map(e => ({name: e.name, "
                + "transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize}))");
        long transfer = 0;
        long bundleEncoded = 0;
        long bundleDecoded = 0;
        var largest = new StringBuilder();
        for (var file : files) {
            transfer += number(file.get("transfer"));
            String name = String.valueOf(file.get("name"));
            if (name.contains("/VAADIN/build/")) {
                bundleEncoded += number(file.get("encoded"));
                bundleDecoded += number(file.get("decoded"));
            }
        }
        files.stream().sorted((a, b) -> Long.compare(number(b.get("transfer")), number(a.get("transfer")))).limit(6)
                .forEach(f -> largest.append(String.format(Locale.ROOT, "| %s | %,d | %,d |%n",
                        shortName(String.valueOf(f.get("name"))), number(f.get("transfer")),
                        number(f.get("decoded")))));
        return String.format(Locale.ROOT, """
                First visit (the login page, empty cache): %d files, %,d bytes transferred; Vaadin's precompiled \
                bundle (`/VAADIN/build/`) %,d bytes compressed as sent, %,d bytes unpacked.

                | largest files of the first visit | bytes transferred | bytes unpacked |
                |---|---:|---:|
                %s""", files.size(), transfer, bundleEncoded, bundleDecoded, largest);
    }

    void signIn(String user, String password, Callable<String> code) throws Exception {
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Username")).fill(user);
        page.locator("vaadin-password-field input").fill(password);
        BrowserBench.button(page, "Log in").click();
        page.getByText("Enter your code").waitFor();
        idle();
        page.locator("vaadin-text-field.second-factor-code input").fill(code.call());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^(Verify|Confirm)$")))
                .click();
        page.getByText("Practice workspace").waitFor();
        idle();
    }

    /** The staff page loaded afresh (as after sign-in or a reload): navigation start until the queue shows rows. */
    BrowserBench.StepSample staffPage() {
        trips.clear();
        page.navigate(base + "/staff", BrowserBench.commit());
        double millis = ((Number) page.waitForFunction(ROWS_SHOWN).jsonValue()).doubleValue();
        idle();
        return sample(millis, false);
    }

    BrowserBench.StepSample openCase(int row) {
        Locator cell = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^THW-"))).nth(row);
        cell.waitFor();
        trips.clear();
        cell.click();
        double millis;
        try {
            millis = ((Number) page.waitForFunction(CASE_SHOWN).jsonValue()).doubleValue();
        } catch (com.microsoft.playwright.TimeoutError stuck) {
            throw new IllegalStateException("The case did not show its answers: " + whatIsShown("case"), stuck);
        }
        idle();
        return sample(millis, true);
    }

    /** Where the page is and what it says, with a screenshot in target/, for a step that never finished. */
    private String whatIsShown(String step) {
        java.nio.file.Path shot = java.nio.file.Path.of("target", "bench-browser-" + step + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
        String text = String.valueOf(page.evaluate("() => document.body.innerText")).replaceAll("\\s+", " ");
        return page.url() + " — " + (text.length() > 600 ? text.substring(0, 600) + "…" : text) + " (screenshot "
                + shot.toAbsolutePath() + ")";
    }

    /** The diary's booking dialog for the case, an online session at the given time, filled in. */
    void prepareBooking(String reference, LocalDateTime start) {
        page.navigate(base + "/staff/calendar?case=" + reference);
        idle();
        BrowserBench.button(page, "Book").waitFor();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Online").setExact(true)).check();
        idle();
        fillDateTime("Date and time", start);
    }

    /** Null when the diary refused the time (a problem shown beside it): the caller tries another, untimed. */
    BrowserBench.StepSample book() {
        return confirm(BrowserBench.button(page, "Book"), "Booked ");
    }

    /** The session's dialog from the diary, its reschedule form filled in with the second free time. */
    void prepareMove(long session, LocalDateTime start, LocalDateTime to) {
        openSession(session, start.toLocalDate());
        BrowserBench.button(page, "Reschedule").click();
        idle();
        fillDateTime("New date and time", to);
    }

    private void fillDateTime(String label, LocalDateTime at) {
        Locator picker = page.locator("vaadin-date-time-picker").filter(new Locator.FilterOptions()
                .setHas(page.getByText(label, new Page.GetByTextOptions().setExact(true))));
        Locator date = picker.locator("vaadin-date-picker input");
        date.fill(BrowserBench.dateField(at.toLocalDate()));
        date.press("Enter");
        Locator time = picker.locator("vaadin-time-picker input");
        time.fill(String.format(Locale.ROOT, "%02d:%02d", at.getHour(), at.getMinute()));
        time.press("Enter");
        time.press("Tab");
        idle();
    }

    BrowserBench.StepSample move() {
        return confirm(BrowserBench.button(page, "Move session"), "Moved to ");
    }

    void prepareCancel(long session, LocalDateTime start) {
        openSession(session, start.toLocalDate());
        BrowserBench.button(page, "Cancel session").click();
        idle();
        page.getByLabel("Reason (required; stays in the practice)").fill("Bench run");
        // leaving the field sends its value; a click on the heading does, without the next field's tooltip
        page.locator(".session-form h3").first().click();
        idle();
    }

    BrowserBench.StepSample cancel() {
        return confirm(BrowserBench.button(page, "Confirm cancellation"), "Cancelled ");
    }

    private void openSession(long session, LocalDate day) {
        page.navigate(base + "/staff/calendar?date=" + day + "&session=" + session);
        idle();
        page.locator(".session-details").waitFor();
    }

    /** Clicks the confirming button and waits for its notification, the dialog closed. */
    private BrowserBench.StepSample confirm(Locator button, String notification) {
        page.evaluate(MARK_NOTIFICATIONS);
        if (trace) {
            System.out.println("  trace before " + notification + page.evaluate(ELEMENTS));
        }
        trips.clear();
        button.click();
        double millis;
        try {
            millis = ((Number) page.waitForFunction(DONE, notification,
                    new Page.WaitForFunctionOptions().setTimeout(30_000)).jsonValue()).doubleValue();
        } catch (com.microsoft.playwright.TimeoutError stuck) {
            throw new IllegalStateException("No '" + notification + "' notification; the page says: "
                    + page.locator("vaadin-dialog-overlay, vaadin-dialog").allInnerTexts(), stuck);
        }
        idle();
        if (trace) {
            System.out.printf(Locale.ROOT, "  trace %s%.0f ms; requests after the click (start–first byte–end, ms): %s%n",
                    notification, millis, page.evaluate(TRACE));
        }
        if (millis < 0) {
            System.out.println("Refused: " + page.locator(".dialog-problem, .gate-notice").allInnerTexts());
            return null;
        }
        return sample(millis, true);
    }

    private BrowserBench.StepSample sample(double millis, boolean uidlOnly) {
        var taken = trips.taken();
        var counted = uidlOnly ? taken.stream().filter(t -> t.kind().equals("uidl")).toList() : taken;
        double server = counted.stream().mapToDouble(RoundTrips.Trip::serverMillis).filter(d -> !Double.isNaN(d)).sum();
        long bytes = counted.stream().mapToLong(RoundTrips.Trip::bytes).sum();
        return new BrowserBench.StepSample(millis, counted.size(), server, bytes);
    }

    /** Where the last staff page's time went: navigation timing and every request against navigation start. */
    String pageBreakdown() {
        page.navigate(base + "/staff", BrowserBench.commit());
        double rows = ((Number) page.waitForFunction(ROWS_SHOWN).jsonValue()).doubleValue();
        idle();
        @SuppressWarnings("unchecked")
        var entries = (List<Map<String, Object>>) page.evaluate("() => performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource')).map(e => ({name: e.name, type: e.initiatorType,"
                + " start: e.startTime, ttfb: e.responseStart, end: e.responseEnd, transfer: e.transferSize,"
                + " decoded: e.decodedBodySize, server: (e.serverTiming || []).map(s => s.duration).join(',')}))");
        @SuppressWarnings("unchecked")
        var nav = (Map<String, Object>) page.evaluate("() => { const n = performance.getEntriesByType('navigation')[0];"
                + " return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; }");
        var table = new StringBuilder(String.format(Locale.ROOT, """
                One staff page load in detail (ms from navigation start; the queue showed rows at %.0f ms, \
                DOMContentLoaded %.0f, load %.0f):

                | request | kind | start | first byte | end | server ms | bytes transferred | bytes unpacked |
                |---|---|---:|---:|---:|---:|---:|---:|
                """, rows, number(nav.get("dcl")) * 1.0, number(nav.get("load")) * 1.0));
        for (var e : entries) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %s | %,d | %,d |%n",
                    shortName(String.valueOf(e.get("name"))), e.get("type"), decimal(e.get("start")),
                    decimal(e.get("ttfb")), decimal(e.get("end")), e.get("server"), number(e.get("transfer")),
                    number(e.get("decoded"))));
        }
        return table.toString();
    }

    private void idle() {
        page.waitForFunction(IDLE);
    }

    private static String shortName(String url) {
        String path = url.replaceFirst("^https?://[^/]+", "");
        return "`" + (path.length() > 70 ? path.substring(0, 67) + "…" : path) + "`";
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static double decimal(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
