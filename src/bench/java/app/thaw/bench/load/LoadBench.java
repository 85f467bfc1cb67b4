package app.thaw.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 7, figure 6: end-to-end load on loopback. N therapists sign in and open the queue; then actions
 * (page the queue twice, open a case, back to the queue) arrive at a constant rate whatever the answers' speed
 * — an open model — each for the next therapist in turn ({@link LoadStep}). Reports the generator's own CPU, the
 * app's and PostgreSQL's when this benchmark started them.
 * <p>
 * Given several instances, therapist counts or rates ({@code --instances=1,2 --therapists=50,200
 * --rates=25,50,100}), it runs them back to back over one database instead ({@link ScalingRun}).
 */
public final class LoadBench {

    public static void main(String[] args) throws Exception {
        var options = new Options(args);
        if (ScalingRun.asked(options)) {
            ScalingRun.run(options);
        } else {
            single(options);
        }
        System.exit(0);
    }

    private static void single(Options options) throws Exception {
        int therapists = options.integer("therapists", 50);
        double rate = options.number("rate", 25);
        int seconds = options.integer("seconds", 60);
        int warmup = options.integer("warmup", 15);
        String password = options.get("password", "calm-river-2026");
        try (var app = AppProcess.start(options, "load")) {
            List<String> users = options.users("amira,tom,grace");
            app.awaitSignIn(users.getFirst(), password);
            long intakes = app.growIntakes(options.integer("intakes", 2000));
            String machine = PerformanceDoc.machine(app.database());
            List<Double> signIns = new ArrayList<>();
            List<TherapistTab> tabs = signIn(List.of(app), therapists, options, signIns, false);
            var postgres = app.benchDatabase().map(PostgresCpu::of).orElseGet(PostgresCpu::none);
            var result = LoadStep.run(tabs, rate, warmup, seconds, List.of(app), postgres);

            List<Figures> figures = new ArrayList<>();
            figures.add(Figures.of("sign in + open queue (ms)", "ms", signIns));
            figures.add(result.fromArrival());
            for (String action : List.of("page queue", "open case", "back to queue")) {
                figures.add(Figures.of(action + ", from arrival (ms)", "ms", result.samples().stream()
                        .filter(s -> s.action().equals(action)).map(LoadStep.Sample::millis).toList()));
            }
            figures.add(Figures.of("all actions, from send (ms)", "ms",
                    result.samples().stream().map(LoadStep.Sample::serviceMillis).toList()));
            double wall = result.wall();
            double appCpu = result.appCpu().getFirst();
            String cpu = String.format(Locale.ROOT,
                    "Generator CPU %.1f s in %.0f s (%.0f %% of one core); app CPU %s; PostgreSQL CPU %s; "
                            + "%d actions done, %.1f/s; %d dispatches late by more than one period; errors: %s",
                    result.generatorCpu(), wall, LoadStep.Result.percent(result.generatorCpu(), wall),
                    cpuText(appCpu, wall, "not read (no --pid)"), cpuText(result.postgresCpu(), wall, "not read"),
                    result.samples().size(), result.throughput(), result.late(),
                    result.errors().isEmpty() ? "none" : result.errors());
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
    }

    /**
     * Signs {@code therapists} tabs in and opens their queues; tab i goes to instance i mod n for good, as the
     * proxy's sticky session keeps a browser on the replica it first reached.
     */
    static List<TherapistTab> signIn(List<AppProcess> apps, int therapists, Options options, List<Double> millis,
                                     boolean staggered) throws Exception {
        List<String> users = options.users("amira,tom,grace");
        String password = options.get("password", "calm-river-2026");
        List<TherapistTab> tabs = new ArrayList<>();
        for (int i = 0; i < therapists; i++) {
            var app = apps.get(i % apps.size());
            var tab = new TherapistTab(new VaadinClient(app.base()), staggered ? i : 0);
            long t0 = System.nanoTime();
            tab.signInAndOpenQueue(users.get(i % users.size()), password, app.codes());
            millis.add((System.nanoTime() - t0) / 1e6);
            tabs.add(tab);
        }
        System.out.printf("%d therapists signed in with the queue open, over %d instance(s)%n", therapists,
                apps.size());
        return tabs;
    }

    static String cpuText(double seconds, double wall, String unread) {
        return Double.isNaN(seconds) ? unread
                : String.format(Locale.ROOT, "%.1f s (%.0f %% of one core)", seconds, 100 * seconds / wall);
    }
}
