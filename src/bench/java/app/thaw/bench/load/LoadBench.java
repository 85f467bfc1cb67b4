package app.thaw.bench.load;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue 7, figure 6: end-to-end load on loopback. N therapists sign in and open the queue; then actions
 * (page the queue twice, open a case, back to the queue) arrive at a constant rate whatever the answers' speed
 * — an open model — each for the next therapist in turn. A round trip is timed from the action's scheduled
 * arrival, so waiting behind a slow earlier action counts (no coordinated omission). Reports the generator's
 * own CPU, and the app's when this benchmark started it.
 */
public final class LoadBench {

    record Sample(String action, double millis, double serviceMillis) {
    }

    public static void main(String[] args) throws Exception {
        var options = new Options(args);
        int therapists = options.integer("therapists", 50);
        double rate = options.number("rate", 25);
        int seconds = options.integer("seconds", 60);
        int warmup = options.integer("warmup", 15);
        List<String> users = options.users("amira,tom,grace");
        String password = options.get("password", "calm-river-2026");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (var app = AppProcess.start(options, "load")) {
            app.awaitSignIn(users.getFirst(), password);
            long intakes = app.growIntakes(options.integer("intakes", 2000));
            String machine = PerformanceDoc.machine(app.database());

            List<Double> signIns = new ArrayList<>();
            List<TherapistTab> tabs = new ArrayList<>();
            for (int i = 0; i < therapists; i++) {
                var tab = new TherapistTab(new VaadinClient(app.base()));
                long t0 = System.nanoTime();
                tab.signInAndOpenQueue(users.get(i % users.size()), password, app.codes());
                signIns.add((System.nanoTime() - t0) / 1e6);
                tabs.add(tab);
            }
            System.out.printf("%d therapists signed in with the queue open%n", therapists);

            List<ExecutorService> lanes = new ArrayList<>();
            for (int i = 0; i < therapists; i++) {
                lanes.add(Executors.newSingleThreadExecutor(Thread.ofVirtual().factory()));
            }
            List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
            Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
            long period = (long) (1e9 / rate);
            long start = System.nanoTime();
            long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
            long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
            double cpu0 = Double.NaN;
            double appCpu0 = Double.NaN;
            boolean measuring = false;
            int late = 0;
            for (long tick = 0; ; tick++) {
                long due = start + tick * period;
                if (due >= end) {
                    break;
                }
                if (!measuring && due >= measureFrom) {
                    measuring = true;
                    cpu0 = os.getProcessCpuTime() / 1e9;
                    appCpu0 = app.cpuSeconds();
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (-wait > period) {
                    late++;
                }
                TherapistTab tab = tabs.get((int) (tick % therapists));
                boolean record = measuring;
                lanes.get((int) (tick % therapists)).submit(() -> {
                    long began = System.nanoTime();
                    try {
                        String action = tab.next();
                        long done = System.nanoTime();
                        if (record) {
                            samples.add(new Sample(action, (done - due) / 1e6, (done - began) / 1e6));
                        }
                    } catch (Exception e) {
                        errors.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(),
                                k -> new AtomicInteger()).incrementAndGet();
                    }
                });
            }
            lanes.forEach(ExecutorService::shutdown);
            for (var lane : lanes) {
                lane.awaitTermination(2, TimeUnit.MINUTES);
            }
            double wall = (System.nanoTime() - measureFrom) / 1e9;
            double generatorCpu = os.getProcessCpuTime() / 1e9 - cpu0;
            double appCpu = app.cpuSeconds() - appCpu0;

            List<Figures> figures = new ArrayList<>();
            figures.add(Figures.of("sign in + open queue (ms)", "ms", signIns));
            figures.add(Figures.of("all actions, from arrival (ms)", "ms", samples.stream().map(Sample::millis).toList()));
            for (String action : List.of("page queue", "open case", "back to queue")) {
                figures.add(Figures.of(action + ", from arrival (ms)", "ms",
                        samples.stream().filter(s -> s.action().equals(action)).map(Sample::millis).toList()));
            }
            figures.add(Figures.of("all actions, from send (ms)", "ms",
                    samples.stream().map(Sample::serviceMillis).toList()));
            String cpu = String.format(Locale.ROOT,
                    "Generator CPU %.1f s in %.0f s (%.0f %% of one core); app CPU %s; %d actions done, %.1f/s; "
                            + "%d dispatches late by more than one period; errors: %s",
                    generatorCpu, wall, 100 * generatorCpu / wall,
                    Double.isNaN(appCpu) ? "not read (no --pid)" : String.format(Locale.ROOT, "%.1f s (%.0f %% of one core)",
                            appCpu, 100 * appCpu / wall),
                    samples.size(), samples.size() / wall, late, errors.isEmpty() ? "none" : errors);
            var text = new StringBuilder();
            text.append("Command: `./mvnw -Pproduction package -DskipTests && ./mvnw -Pbench -Dbench=load`")
                    .append(" (").append(therapists).append(" therapists, ").append(rate)
                    .append(" actions/s arriving at a constant rate, ").append(warmup).append(" s warm-up, ")
                    .append(seconds).append(" s measured; each therapist in turn: page, page, open a case, back).\n")
                    .append("App: production jar, `java ").append(AppProcess.jvmDescription(options))
                    .append("`, ").append(options.get("url", "").isBlank() ? "demo data grown to "
                            + intakes + " intakes" : "at " + options.get("url", ""))
                    .append(".\nMachine: ").append(machine).append(".\n\n").append(Figures.header()).append('\n');
            figures.forEach(f -> {
                System.out.println(f.line());
                text.append(f.row()).append('\n');
            });
            System.out.println(cpu);
            text.append('\n').append(cpu).append(".\n");
            PerformanceDoc.write("load", text.toString());
        }
        System.exit(0);
    }
}
