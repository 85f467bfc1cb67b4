package app.thaw.bench.browser;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import com.microsoft.playwright.options.WaitUntilState;

import app.thaw.bench.BenchContext;
import app.thaw.bench.BenchKey;
import app.thaw.bench.BenchOptions;
import app.thaw.bench.Machine;
import app.thaw.bench.PerformanceDoc;
import app.thaw.bench.data.GenerateCommand;
import app.thaw.bench.load.AppProcess;
import app.thaw.bench.load.BenchDatabase;
import app.thaw.bench.load.Options;
import app.thaw.dev.DemoStaffAccounts;

/**
 * Issue 20, point 8: what a therapist waits for, in Chromium against the production jar. After sign-in (password
 * and authenticator code), each repetition loads the staff page (navigation start → the queue shows rows), opens a
 * case from it (click → answers shown), books an online session from the diary, moves it and cancels it (click on
 * the confirming button → its notification shown and the dialog closed). Times are taken inside the page
 * ({@code performance.now()} from the click's own time stamp), so Playwright's messaging is not counted. For each
 * step: the Vaadin round trips it took, the server's time for them (Server-Timing, switched on for this run only)
 * and the bytes that came back; for the page also navigation timing and the files it loaded.
 */
final class BrowserBench {

    private static final DateTimeFormatter DATE_FIELD = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
    private static final String[] STEPS = {"staff page (queue with rows)", "open a case from the queue",
        "book a session", "move it", "cancel it"};
    private static final double PAGE_GOAL = 1000;
    private static final double ACTION_GOAL = 300;

    private final BenchOptions options;
    private final Map<String, List<StepSample>> samples = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /** One timed step: the wait, and the round trips, server time and bytes from click until the page was idle. */
    record StepSample(double millis, int roundTrips, double serverMillis, long bytes) {
    }

    BrowserBench(BenchOptions options) {
        this.options = options;
        for (String step : STEPS) {
            samples.put(step, new ArrayList<>());
        }
    }

    void run() throws Exception {
        int repetitions = options.integer("repetitions", 20);
        int warmup = options.integer("warmup", 3);
        boolean benchData = options.string("data", "demo").equals("bench");
        String user = options.string("user", benchData ? "therapist002" : "amira");
        String password = options.string("password", benchData ? GenerateCommand.PASSWORD : "calm-river-2026");
        List<String> appArgs = new ArrayList<>(List.of(options.asArguments()));
        appArgs.add("--totpSecret=" + (benchData ? GenerateCommand.TOTP_SECRET : DemoStaffAccounts.DEMO_TOTP_SECRET));
        appArgs.add("--profile=" + options.string("profile", benchData ? "" : "dev"));
        var appOptions = new Options(appArgs.toArray(String[]::new));
        Map<String, String> environment = new LinkedHashMap<>(Map.of("THAW_SERVER_TIMING", "true"));
        BenchDatabase db;
        if (benchData) {
            db = BenchDatabase.existing(BenchContext.DATA_DIR);
            environment.putAll(BenchKey.environment());
            // plain http on localhost: the sign-in check before the browser starts sends the session cookie back
            environment.put("SERVER_SERVLET_SESSION_COOKIE_SECURE", "false");
        } else {
            db = BenchDatabase.start("browser");
        }
        String loadBefore = String.format(Locale.ROOT, "%.1f", Machine.loadAverage());
        AppProcess started;
        try {
            started = AppProcess.start(appOptions, "browser", db, environment);
        } catch (Exception | Error failed) {
            db.close();
            throw failed;
        }
        try (var app = started;
             var playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            app.awaitSignIn(user, password);
            if (!benchData) {
                app.growIntakes(options.integer("intakes", 2000));
            }
            var cases = new BookableCases(db, user);
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(options.string("chromium", "/usr/bin/chromium"))).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
            var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                    .setLocale("en-GB").setTimezoneId("Europe/London")
                    // as the browser tests: a precache request carrying the pre-sign-in session can replace the new one
                    .setServiceWorkers(ServiceWorkerPolicy.BLOCK));
            context.setDefaultTimeout(60_000);
            context.addInitScript("window.__bench = {clickAt: 0};"
                    + "window.addEventListener('click', e => { window.__bench.clickAt = e.timeStamp; }, true);");
            Page page = context.newPage();
            var trips = new RoundTrips(page);
            var journey = new Journey(page, app.base().toString(), trips, options.flag("trace"));

            String coldLoad = journey.coldLogin();
            journey.signIn(user, password, () -> app.codes().codeFor(user));
            System.out.println("Signed in as " + user + "; " + warmup + " warm-up rounds, then " + repetitions);
            String reference = null;
            for (int round = 0; round < warmup + repetitions; round++) {
                boolean measured = round >= warmup;
                record(measured, STEPS[0], journey.staffPage());
                record(measured, STEPS[1], journey.openCase(round % 5));
                if (reference == null) {
                    reference = cases.next();
                }
                List<LocalDateTime> free = cases.freeTimes();
                int at = 0;
                StepSample booking = null;
                while (booking == null) {
                    if (at >= free.size() - 1) {
                        throw new IllegalStateException("No free time in the diary of " + user + " took a booking");
                    }
                    journey.prepareBooking(reference, free.get(at));
                    booking = traced(browser, page, round == warmup + repetitions - 1, "book", journey::book);
                    if (booking == null) {
                        notes.add("A time the diary refused (time away, a closed day or the client's other session) "
                                + "was tried again at the next free time, untimed.");
                        at++;
                    }
                }
                record(measured, STEPS[2], booking);
                LocalDateTime booked = free.get(at);
                LocalDateTime moveTo = free.get(at + 1);
                long session = cases.lastBooked(reference);
                journey.prepareMove(session, booked, moveTo);
                record(measured, STEPS[3], required(traced(browser, page, round == warmup + repetitions - 1, "move",
                        journey::move), "The move to " + moveTo));
                journey.prepareCancel(session, moveTo);
                record(measured, STEPS[4], required(journey.cancel(), "The cancellation"));
                if (measured && (round - warmup + 1) % 5 == 0) {
                    System.out.println("  " + (round - warmup + 1) + " of " + repetitions + " rounds");
                }
            }
            String pageDetail = journey.pageBreakdown();
            String chromium = browser.version();
            browser.close();
            report(benchData, user, cases.intakes(), chromium, coldLoad, pageDetail, loadBefore, app.database());
        }
    }

    /** --chrome-trace: the last round's booking and move recorded as Chromium performance traces in target/. */
    private StepSample traced(Browser browser, Page page, boolean last, String step,
                              Supplier<StepSample> action) {
        if (!last || !options.flag("chrome-trace")) {
            return action.get();
        }
        Path file = Path.of("target", "browser-" + step + "-trace.json");
        browser.startTracing(page, new Browser.StartTracingOptions().setPath(file).setScreenshots(false));
        try {
            return action.get();
        } finally {
            browser.stopTracing();
            System.out.println("  Chromium trace of the last " + step + ": " + file);
        }
    }

    private static StepSample required(StepSample sample, String what) {
        if (sample == null) {
            throw new IllegalStateException(what + " was refused: see the message printed above");
        }
        return sample;
    }

    private void record(boolean measured, String step, StepSample sample) {
        if (measured) {
            samples.get(step).add(sample);
        }
    }

    private void report(boolean benchData, String user, long intakes, String chromium, String coldLoad,
                        String pageDetail, String loadBefore, String database) throws Exception {
        var table = new StringBuilder("| step | n | median ms | p95 ms | max ms | goal | round trips | server ms "
                + "(sum, median) | bytes back (median) |\n|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (var entry : samples.entrySet()) {
            List<StepSample> list = entry.getValue();
            double[] ms = list.stream().mapToDouble(StepSample::millis).sorted().toArray();
            boolean page = entry.getKey().equals(STEPS[0]);
            table.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | ≤ %.0f ms%s | %s | %.1f | %,d |%n",
                    entry.getKey(), ms.length, percentile(ms, 50), percentile(ms, 95), ms.length == 0 ? Double.NaN
                            : ms[ms.length - 1], page ? PAGE_GOAL : ACTION_GOAL,
                    percentile(ms, 95) <= (page ? PAGE_GOAL : ACTION_GOAL) ? " (met)" : " (not met)",
                    medianInt(list.stream().mapToDouble(StepSample::roundTrips).sorted().toArray()),
                    percentile(list.stream().mapToDouble(StepSample::serverMillis).sorted().toArray(), 50),
                    (long) percentile(list.stream().mapToDouble(StepSample::bytes).sorted().toArray(), 50)));
        }
        String body = String.format(Locale.ROOT, """
                %s data (%,d intakes), signed in as `%s` with password and authenticator code; Chromium %s headless, \
                1280×900, service worker blocked (as in the browser tests); load average %s before the app started, \
                %.1f after the run.

                Times are inside the page: the staff page from navigation start until the queue shows rows; the \
                actions from the click's time stamp until the result is on screen (the case's answers; the \
                notification shown and the dialog closed). Round trips are Vaadin UIDL requests from the click until \
                the page is idle (for the page: every request, files from cache included); server ms is the \
                Server-Timing the app sent for them (`thaw.server-timing=true`, bench only).

                %s
                %s

                %s
                %s""", benchData ? "Bench" : "Demo", intakes, user, chromium,
                loadBefore, Machine.loadAverage(), table, notes.isEmpty() ? "" : "Notes: " + String.join(" ",
                        notes.stream().distinct().toList()) + "\n", coldLoad, pageDetail);
        System.out.println(body);
        if (!options.flag("no-doc")) {
            PerformanceDoc.write("browser", options, Machine.describe(database), body);
        }
    }

    static double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    private static String medianInt(double[] sorted) {
        return sorted.length == 0 ? "–" : String.format(Locale.ROOT, "%.0f", percentile(sorted, 50));
    }

    static String dateField(LocalDate date) {
        return DATE_FIELD.format(date);
    }

    static Pattern exactly(String text) {
        return Pattern.compile("^" + Pattern.quote(text) + "$");
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static Page.NavigateOptions commit() {
        return new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT);
    }
}
