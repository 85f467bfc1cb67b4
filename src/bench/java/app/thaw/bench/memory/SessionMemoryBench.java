package app.thaw.bench.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.thaw.bench.load.AppProcess;
import app.thaw.bench.load.Options;
import app.thaw.bench.load.PerformanceDoc;
import app.thaw.bench.load.TherapistTab;
import app.thaw.bench.load.VaadinClient;

/**
 * Issue 7, figure 5: live heap per Vaadin session. Real HTTP sessions against the production jar: each
 * therapist signs in with password and authenticator code and opens the case queue (as a browser does: the login
 * and code pages' UIs are closed by the browser's unload beacon when left), all tabs stay open;
 * after 50, 100 and 200 sessions the app's heap is read after a full GC (jcmd GC.class_histogram) and
 * compared with the heap after the warm-up sessions. Prints the classes that grew most; {@code --dump=file.hprof}
 * also writes a heap dump at the last step, for a look at what each session retains.
 */
public final class SessionMemoryBench {

    public static void main(String[] args) throws Exception {
        // soft-referenced caches would come and go between readings: clear them at every GC of the measured app
        System.setProperty("bench.jvmExtra", System.getProperty("bench.jvmExtra", "-XX:SoftRefLRUPolicyMSPerMB=0"));
        var options = new Options(args);
        int[] steps = java.util.Arrays.stream(options.get("sessions", "50,100,200").split(","))
                .mapToInt(Integer::parseInt).toArray();
        List<String> users = options.users("amira,tom,grace");
        String password = options.get("password", "calm-river-2026");
        try (var app = AppProcess.start(options, "memory")) {
            app.awaitSignIn(users.getFirst(), password);
            long intakes = app.growIntakes(options.integer("intakes", 2000));
            String machine = PerformanceDoc.machine(app.database());
            List<TherapistTab> tabs = new ArrayList<>();
            open(app, tabs, 3, users, password); // warm-up: classes loaded, caches filled
            Map<String, Long> before = new HashMap<>();
            long baseline = app.liveHeapBytes(before);
            int warm = tabs.size();
            var rows = new StringBuilder();
            Map<String, Long> last = before;
            for (int n : steps) {
                open(app, tabs, n + warm - tabs.size(), users, password);
                Map<String, Long> histogram = new HashMap<>();
                long heap = app.liveHeapBytes(histogram);
                double perSession = (heap - baseline) / (double) n / 1024;
                System.out.printf(Locale.ROOT, "%d sessions: live heap %.1f MB (+%.1f MB), %.0f KB per session%n",
                        n, heap / 1e6, (heap - baseline) / 1e6, perSession);
                rows.append(String.format(Locale.ROOT, "| %d | %.1f MB | %.1f MB | %.0f KB |%n", n, heap / 1048576.0,
                        (heap - baseline) / 1048576.0, perSession));
                last = histogram;
            }
            String top = topGrowth(before, last, tabs.size() - warm);
            System.out.println(top);
            String dump = options.get("dump", "");
            if (!dump.isBlank()) {
                app.heapDump(java.nio.file.Path.of(dump).toAbsolutePath());
            }
            PerformanceDoc.write("memory", """
                    Command: `./mvnw -Pproduction package -DskipTests && ./mvnw -Pbench -Dbench=memory`.
                    Each session: a therapist signs in (password, then the authenticator code on /login/verify; \
                    both pages' UIs closed by the unload beacon on leaving, as browsers do) and opens the case queue, \
                    over HTTP with Vaadin's UIDL; all stay open. Three demo accounts sign in again and again, so the \
                    benchmark clears their used TOTP step (the replay guard) in the bench database before each sign-in. Live heap = jcmd GC.class_histogram total (after a full GC), \
                    against the heap after %d warm-up sessions. App: production jar, `java %s`, demo data (dev profile) \
                    grown to %d intakes so the queue shows full pages.
                    Machine: %s.

                    | sessions | live heap | growth | per session |
                    |---|---|---|---|
                    %s
                    Largest growth per session at the last step (bytes):

                    %s
                    """.formatted(warm, AppProcess.jvmDescription(options), intakes,
                    machine, rows, top));
        }
        System.exit(0);
    }

    static void open(AppProcess app, List<TherapistTab> tabs, int count, List<String> users, String password)
            throws Exception {
        for (int i = 0; i < count; i++) {
            var tab = new TherapistTab(new VaadinClient(app.base()));
            tab.signInAndOpenQueue(users.get(tabs.size() % users.size()), password, app.codes());
            tabs.add(tab);
        }
    }

    static String topGrowth(Map<String, Long> before, Map<String, Long> after, int sessions) {
        var text = new StringBuilder("| class | bytes per session |\n|---|---|\n");
        after.entrySet().stream()
                .filter(e -> !e.getKey().equals("[Ljdk.internal.vm.FillerElement;"))
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(15)
                .forEach(e -> text.append("| `").append(e.getKey()).append("` | ")
                        .append(e.getValue() / Math.max(1, sessions)).append(" |\n"));
        return text.toString();
    }
}
