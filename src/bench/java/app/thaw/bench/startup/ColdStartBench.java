package app.thaw.bench.startup;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import app.thaw.bench.load.BenchDatabase;
import app.thaw.bench.load.Figures;
import app.thaw.bench.load.PerformanceDoc;

/**
 * Issue 7, figure 7: cold start of the production jar to the first served page, and its RSS.
 * Starts the jar as a child process (one per run, variants interleaved round by round so machine noise
 * spreads evenly), polls {@code /login} until it answers 200, reads VmRSS from /proc and the loaded-class
 * count from jcmd, then stops it. A variant whose options contain {@code AOTCACHE} runs the extracted jar
 * with a JDK 25 AOT cache made by one training run first.
 */
public final class ColdStartBench {

    private static final Pattern STARTED = Pattern.compile("Started Application in ([0-9.]+) seconds");

    /** The JVM options the Docker image runs with (java @jvm.options), plus its AOT cache. */
    static final Path PRODUCTION_OPTIONS = Path.of("src/main/docker/jvm.options");
    static final Path TRAINING_SCRIPT = Path.of("src/main/docker/aot-train.sh");

    private final Path jar;
    private final Path work = Path.of("target", "bench-startup").toAbsolutePath();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ColdStartBench(Path jar) {
        this.jar = jar;
    }

    record Variant(String name, List<String> options) {
        boolean aot() {
            return options.contains("AOTCACHE");
        }

        boolean extracted() {
            return aot() || options.contains("EXTRACTED");
        }
    }

    record Run(double firstPageSeconds, double cpuSeconds, Double springSeconds, double rssMb, double settledRssMb,
               long classes) {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        Path jar = findJar();
        List<Variant> variants = parseVariants(System.getProperty("bench.variants", "as-shipped;aot;production"));
        var bench = new ColdStartBench(jar);
        try (var db = BenchDatabase.start("startup")) {
            String machine = PerformanceDoc.machine(db.describe());
            System.out.println("Jar " + jar + " (" + Files.size(jar) / (1024 * 1024) + " MB); " + machine);
            // The first start migrates the empty schema; measure restarts on a migrated database like production.
            System.out.println("Migrating the schema with one unmeasured start…");
            bench.start(new Variant("migrate", List.of()), db, null);
            Map<Variant, List<Run>> results = new LinkedHashMap<>();
            for (Variant v : variants) {
                results.put(v, new ArrayList<>());
                if (v.aot()) {
                    bench.train(v, db);
                }
            }
            for (int round = 1; round <= runs; round++) {
                for (Variant v : variants) {
                    Run run = bench.start(v, db, bench.aotCache(v));
                    results.get(v).add(run);
                    System.out.printf("round %d %-12s first page %.2f s (%.2f s CPU), Spring %s s, RSS %.0f MB (%.0f MB settled), %d classes%n",
                            round, v.name(), run.firstPageSeconds(), run.cpuSeconds(), run.springSeconds(), run.rssMb(),
                            run.settledRssMb(), run.classes());
                }
            }
            bench.report(results, runs, machine);
        }
    }

    static List<Variant> parseVariants(String spec) throws IOException {
        String production = String.join(" ", Files.readAllLines(PRODUCTION_OPTIONS)) + " AOTCACHE";
        Map<String, String> known = Map.of(
                "as-shipped", "",
                "extracted", "EXTRACTED",
                "aot", "AOTCACHE",
                "production", production);
        List<Variant> variants = new ArrayList<>();
        for (String part : spec.split(";")) {
            String[] kv = part.strip().split("=", 2);
            String options = kv.length == 2 ? kv[1] : known.get(kv[0]);
            if (options == null) {
                throw new IllegalArgumentException("Unknown variant " + kv[0] + ": give name=options");
            }
            variants.add(new Variant(kv[0], Arrays.stream(options.split("\\s+")).filter(s -> !s.isBlank()).toList()));
        }
        return variants;
    }

    static Path findJar() throws IOException {
        String given = System.getProperty("bench.jar");
        if (given != null) {
            return Path.of(given).toAbsolutePath();
        }
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("thaw-.*\\.jar"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException(
                            "No target/thaw-*.jar: run ./mvnw -Pproduction package -DskipTests first"))
                    .toAbsolutePath();
        }
    }

    Path extractedJar() throws IOException, InterruptedException {
        Path dir = work.resolve("extracted");
        Path app = dir.resolve(jar.getFileName());
        if (!Files.exists(app) || Files.getLastModifiedTime(app).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            deleteTree(dir);
            exec(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", dir.toString()));
        }
        return app;
    }

    Path aotCache(Variant v) {
        return v.aot() ? work.resolve(v.name() + ".aot") : null;
    }

    /** One training run through the same script the Docker image uses; the JVM writes the cache on exit. */
    void train(Variant v, BenchDatabase db) throws Exception {
        Path cache = aotCache(v);
        Files.deleteIfExists(cache);
        System.out.println("Training the AOT cache for " + v.name() + "…");
        long t0 = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("sh", TRAINING_SCRIPT.toString(), extractedJar().toString(),
                cache.toString()));
        v.options().stream().filter(o -> !o.equals("AOTCACHE") && !o.equals("EXTRACTED")).forEach(command::add);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("training.log").toFile());
        builder.environment().putAll(Map.of(
                "SPRING_DATASOURCE_URL", db.url(),
                "SPRING_DATASOURCE_USERNAME", db.username(),
                "SPRING_DATASOURCE_PASSWORD", db.password(),
                "PORT", Integer.toString(freePort()),
                "PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH")));
        builder.environment().putAll(app.thaw.bench.BenchKey.environment());
        if (builder.start().waitFor() != 0 || !Files.exists(cache)) {
            throw new IllegalStateException("The training run wrote no AOT cache at " + cache + ": see "
                    + work.resolve("training.log"));
        }
        System.out.printf("AOT cache %s: %d MB in %.1f s%n", cache.getFileName(), Files.size(cache) / (1024 * 1024),
                (System.nanoTime() - t0) / 1e9);
    }

    Run start(Variant v, BenchDatabase db, Path aotCache) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java());
        for (String option : v.options()) {
            if (option.equals("AOTCACHE")) {
                command.add("-XX:AOTCache=" + aotCache);
            } else if (!option.equals("EXTRACTED")) {
                command.add(option);
            }
        }
        command.add("-jar");
        command.add((v.extracted() ? extractedJar() : jar).toString());
        int port = freePort();
        Files.createDirectories(work);
        Path log = work.resolve("app.log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "SPRING_DATASOURCE_URL", db.url(),
                "SPRING_DATASOURCE_USERNAME", db.username(),
                "SPRING_DATASOURCE_PASSWORD", db.password(),
                "PORT", Integer.toString(port)));
        builder.environment().putAll(app.thaw.bench.BenchKey.environment());
        long t0 = System.nanoTime();
        Process process = builder.start();
        try {
            URI login = URI.create("http://localhost:" + port + "/login");
            while (status(login) != 200) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The app exited with " + process.exitValue() + ": see " + log);
                }
                if (System.nanoTime() - t0 > Duration.ofMinutes(3).toNanos()) {
                    throw new IllegalStateException("No page after 3 minutes: see " + log);
                }
                Thread.sleep(25);
            }
            double firstPage = (System.nanoTime() - t0) / 1e9;
            double cpu = cpuSeconds(process.pid());
            double rss = rssMb(process.pid());
            Thread.sleep(Long.getLong("bench.settleMillis", 5000));
            double settled = rssMb(process.pid());
            long classes = loadedClasses(process.pid());
            return new Run(firstPage, cpu, springSeconds(log), rss, settled, classes);
        } finally {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    int status(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** User + system CPU the JVM used so far (clock ticks of 1/100 s): steadier than wall time on a busy machine. */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    static long loadedClasses(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "PerfCounter.print").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            var m = Pattern.compile("java\\.cls\\.loadedClasses=(\\d+)").matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    static Double springSeconds(Path log) throws IOException {
        var m = STARTED.matcher(Files.readString(log));
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    void report(Map<Variant, List<Run>> results, int runs, String machine) throws IOException {
        var text = new StringBuilder();
        text.append("Command: `./mvnw -Pproduction package -DskipTests && ./mvnw -Pbench -Dbench=startup` ")
                .append("(").append(runs).append(" runs per variant, interleaved; jar ").append(jar.getFileName())
                .append(").\nMachine: ").append(machine).append(".\n\n");
        for (var entry : results.entrySet()) {
            Variant v = entry.getKey();
            List<Run> list = entry.getValue();
            String opts = String.join(" ", v.options()).replace("AOTCACHE", "-XX:AOTCache=thaw.aot")
                    .replace("EXTRACTED", "").strip();
            if (v.extracted()) {
                opts += " (extracted jar)";
            }
            text.append("**").append(v.name()).append("** — `java ").append(opts.isBlank() ? "" : opts + " ")
                    .append("-jar`\n\n").append(Figures.header()).append('\n');
            List<Figures> figures = List.of(
                    Figures.of("first page (s)", "s", list.stream().map(Run::firstPageSeconds).toList()),
                    Figures.of("CPU to first page (s)", "s", list.stream().map(Run::cpuSeconds).toList()),
                    Figures.of("Spring 'Started in' (s)", "s", list.stream().map(Run::springSeconds)
                            .filter(java.util.Objects::nonNull).toList()),
                    Figures.of("RSS at first page (MB)", "MB", list.stream().map(Run::rssMb).toList()),
                    Figures.of("RSS 5 s later (MB)", "MB", list.stream().map(Run::settledRssMb).toList()),
                    Figures.of("loaded classes", "", list.stream().map(Run::classes).toList()));
            System.out.println("== " + v.name() + " " + v.options());
            for (Figures f : figures) {
                System.out.println(f.line());
                text.append(f.row()).append('\n');
            }
            text.append('\n');
        }
        PerformanceDoc.write("startup", text.toString());
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("Failed: " + command);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
