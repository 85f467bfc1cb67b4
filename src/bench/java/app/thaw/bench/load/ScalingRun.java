package app.thaw.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Issue 20.7: one against several app instances over one PostgreSQL, back to back in one run. For each instance
 * count the production jar is started that many times over the same database (each therapist sticks to one
 * instance, as behind the proxy), then for each therapist count the offered rate is stepped up until the p95 from
 * arrival passes the ceiling ({@code --ceiling-ms}, 300) or an action fails: the last rate before that is the
 * ceiling of that set-up. Prints throughput, p95, errors and the CPU of every app process and of PostgreSQL.
 */
final class ScalingRun {

    private ScalingRun() {
    }

    static boolean asked(Options options) {
        return options.get("instances", "1").contains(",") || !options.get("instances", "1").equals("1")
                || options.get("therapists", "50").contains(",") || !options.get("rates", "").isBlank();
    }

    record Row(int instances, int therapists, LoadStep.Result result, Figures figures) {
    }

    static void run(Options options) throws Exception {
        List<Integer> instanceCounts = list(options.get("instances", "1")).stream().map(Integer::valueOf).toList();
        List<Integer> therapistCounts = list(options.get("therapists", "50")).stream().map(Integer::valueOf).toList();
        List<Double> rates = list(options.get("rates", options.get("rate", "25"))).stream().map(Double::valueOf)
                .toList();
        int warmup = options.integer("warmup", 10);
        int firstWarmup = options.integer("first-warmup", 30);
        int seconds = options.integer("seconds", 30);
        double ceiling = options.number("ceiling-ms", 300);
        String password = options.get("password", "calm-river-2026");
        List<Row> rows = new ArrayList<>();
        String machine;
        long intakes;
        try (var db = BenchDatabase.start(options, "load")) {
            machine = PerformanceDoc.machine(db.describe());
            var postgres = PostgresCpu.of(db);
            intakes = -1;
            for (int instances : instanceCounts) {
                List<AppProcess> apps = new ArrayList<>();
                try {
                    // one after another: the first migrates and seeds, the next find the schema and data in place
                    for (int i = 0; i < instances; i++) {
                        var app = AppProcess.startOver(db, options, "load-" + (i + 1));
                        apps.add(app);
                        app.awaitSignIn(options.users("amira,tom,grace").getFirst(), password);
                        if (i == 0) {
                            intakes = app.growIntakes(options.integer("intakes", 2000));
                        }
                    }
                    for (int therapists : therapistCounts) {
                        var tabs = LoadBench.signIn(apps, therapists, options, new ArrayList<>(), true);
                        boolean first = true;
                        for (double rate : rates) {
                            // the first step of a fresh JVM also warms its JIT
                            var result = LoadStep.run(tabs, rate, first ? firstWarmup : warmup, seconds, apps,
                                    postgres);
                            first = false;
                            var row = new Row(instances, therapists, result, result.fromArrival());
                            rows.add(row);
                            System.out.println(line(row));
                            if (row.figures().p95() > ceiling || result.errorCount() > 0) {
                                System.out.println("Past the ceiling: stepping up stops here");
                                break;
                            }
                        }
                        for (var tab : tabs) {
                            tab.leave();
                        }
                    }
                } finally {
                    for (var app : apps.reversed()) {
                        app.close();
                    }
                }
            }
        }
        PerformanceDoc.write(options.get("section", "load-scaling"),
                report(options, rows, machine, intakes, warmup, firstWarmup, seconds, ceiling));
    }

    private static String report(Options options, List<Row> rows, String machine, long intakes, int warmup,
                                 int firstWarmup, int seconds, double ceiling) {
        var text = new StringBuilder();
        text.append("Command: `./mvnw -Pproduction package -DskipTests && ./mvnw -Pbench -Dbench=load -Dbench.args=\"")
                .append(String.join(" ", options.args())).append("\"`\n")
                .append("Each step: ").append(warmup).append(" s warm-up (").append(firstWarmup)
                .append(" s for the first step of each set-up), ").append(seconds)
                .append(" s measured at the offered rate; stepping stops after the first step whose p95 from arrival")
                .append(" passes ").append(Figures.fmt(ceiling)).append(" ms or that has an error.\n")
                .append("App: production jar, `java ").append(AppProcess.jvmDescription(options)).append("` per")
                .append(" instance, all over one PostgreSQL; demo data grown to ").append(intakes)
                .append(" intakes; therapist i always on instance i mod n (sticky, as behind Caddy),")
                .append(" starting its round (page, page, open a case, back) at action i mod 4.\n")
                .append("Machine: ").append(machine).append(".\n\n")
                .append("| instances | therapists | offered /s | done /s | median ms | p95 ms | max ms | errors |")
                .append(" app CPU, % of a core (each) | PostgreSQL CPU % | generator CPU % | load avg |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (Row row : rows) {
            var r = row.result();
            var f = row.figures();
            text.append(String.format(Locale.ROOT, "| %d | %d | %s | %.1f | %s | %s | %s | %d | %s | %s | %s | %.1f |%n",
                    row.instances(), row.therapists(), Figures.fmt(r.rate()), r.throughput(), Figures.fmt(f.median()),
                    Figures.fmt(f.p95()), Figures.fmt(f.max()), r.errorCount(), appCpu(r), pct(r.postgresCpu(), r.wall()),
                    pct(r.generatorCpu(), r.wall()), r.load()));
        }
        text.append('\n').append("Ceilings (highest offered rate with p95 ≤ ").append(Figures.fmt(ceiling))
                .append(" ms and no error):\n\n");
        rows.stream().collect(Collectors.groupingBy(r -> r.instances() + " × " + r.therapists(),
                        java.util.LinkedHashMap::new, Collectors.toList()))
                .forEach((setUp, steps) -> {
                    var within = steps.stream().filter(r -> r.figures().p95() <= ceiling && r.result().errorCount() == 0)
                            .reduce((a, b) -> b);
                    boolean passed = steps.size() > within.map(w -> steps.indexOf(w) + 1).orElse(0);
                    text.append("- ").append(setUp.replace(" × ", " instance(s), ")).append(" therapists: ")
                            .append(within.map(w -> Figures.fmt(w.result().rate()) + " actions/s ("
                                    + String.format(Locale.ROOT, "%.1f", w.result().throughput()) + " done/s, p95 "
                                    + Figures.fmt(w.figures().p95()) + " ms)").orElse("below the first step"))
                            .append(passed ? "" : "; not reached, the highest step was still within").append('\n');
                });
        String errors = rows.stream().flatMap(r -> r.result().errors().keySet().stream()).distinct().limit(5)
                .collect(Collectors.joining("; "));
        if (!errors.isBlank()) {
            text.append("\nErrors seen: ").append(errors).append('\n');
        }
        return text.toString();
    }

    static String line(Row row) {
        var r = row.result();
        return String.format(Locale.ROOT, "%d instance(s), %d therapists, offered %s/s: done %.1f/s, p95 %s ms, "
                        + "errors %d, app CPU %s %%, PostgreSQL %s %%, generator %s %%, load %.1f",
                row.instances(), row.therapists(), Figures.fmt(r.rate()), r.throughput(), Figures.fmt(row.figures().p95()),
                r.errorCount(), appCpu(r), pct(r.postgresCpu(), r.wall()), pct(r.generatorCpu(), r.wall()), r.load());
    }

    private static String appCpu(LoadStep.Result r) {
        return r.appCpu().stream().map(s -> pct(s, r.wall())).collect(Collectors.joining(" + "));
    }

    private static String pct(double seconds, double wall) {
        return Double.isNaN(seconds) ? "–" : String.format(Locale.ROOT, "%.0f", 100 * seconds / wall);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
