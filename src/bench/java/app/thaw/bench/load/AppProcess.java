package app.thaw.bench.load;

import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import app.thaw.dev.DemoStaffAccounts;

/**
 * The app under measurement: the production jar started as a child process (dev profile for its demo
 * therapists unless told otherwise) against a {@link BenchDatabase}, or an app already running at
 * {@code --url} (with {@code --pid} for heap and CPU readings).
 */
public final class AppProcess implements Closeable {

    private final Process process;
    private final BenchDatabase db;
    /** Whether closing this app also stops its database (false for the second instance over a shared one). */
    private final boolean ownsDb;
    private final URI base;
    private final long pid;
    private final AuthenticatorCodes codes;

    private AppProcess(Process process, BenchDatabase db, boolean ownsDb, URI base, long pid, Options options) {
        this.process = process;
        this.db = db;
        this.ownsDb = ownsDb;
        this.base = base;
        this.pid = pid;
        // the demo accounts' published secret; for the generator's therapists pass GenerateCommand.TOTP_SECRET
        this.codes = new AuthenticatorCodes(options.get("totpSecret", DemoStaffAccounts.DEMO_TOTP_SECRET), db);
    }

    public static AppProcess start(Options options, String name) throws Exception {
        String url = options.get("url", "");
        if (!url.isBlank()) {
            return new AppProcess(null, null, false, URI.create(url), Long.parseLong(options.get("pid", "-1")),
                    options);
        }
        return start(options, name, BenchDatabase.start(options, name), true, Map.of());
    }

    /**
     * One of several instances over a database the caller started, as the replicas of docker-compose.yml share one
     * PostgreSQL behind the proxy; closing the app leaves the database running.
     */
    public static AppProcess startOver(BenchDatabase db, Options options, String name) throws Exception {
        return start(options, name, db, false, Map.of());
    }

    /** The production jar against the given database, with further environment (e.g. the bench data's key). */
    public static AppProcess start(Options options, String name, BenchDatabase db, Map<String, String> environment)
            throws Exception {
        String url = options.get("url", "");
        if (!url.isBlank()) {
            // an app already running over this database (the codes' replay guard is reset in it)
            return new AppProcess(null, db, true, URI.create(url), Long.parseLong(options.get("pid", "-1")), options);
        }
        return start(options, name, db, true, environment);
    }

    private static AppProcess start(Options options, String name, BenchDatabase db, boolean ownsDb,
            Map<String, String> environment) throws Exception {
        Path jar = jar(options);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Arrays.stream(options.get("jvm", String.join(" ",
                Files.readAllLines(Path.of("src/main/docker/jvm.options")))).split("\\s+")).filter(s -> !s.isBlank()).toList());
        command.addAll(Arrays.stream(options.get("jvmExtra", "").split("\\s+")).filter(s -> !s.isBlank()).toList());
        command.addAll(List.of("-jar", jar.toString()));
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "bench-" + name + "-app.log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "SPRING_DATASOURCE_URL", db.url(),
                "SPRING_DATASOURCE_USERNAME", db.username(),
                "SPRING_DATASOURCE_PASSWORD", db.password(),
                "SPRING_PROFILES_ACTIVE", options.get("profile", "dev"),
                "PORT", Integer.toString(port)));
        if (options.get("data", "").equals("bench")) {
            // the generated data's free text is encrypted under the bench key
            builder.environment().putAll(app.thaw.bench.BenchKey.environment());
        }
        builder.environment().putAll(environment);
        System.out.println("Starting " + String.join(" ", command) + " (log " + log + ")");
        Process process = builder.start();
        // a benchmark stopped by a signal must not leave its app running
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return new AppProcess(process, db, ownsDb, URI.create("http://localhost:" + port), process.pid(), options);
    }

    static Path jar(Options options) throws IOException {
        String given = options.get("jar", "");
        if (!given.isBlank()) {
            return Path.of(given).toAbsolutePath();
        }
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("thaw-.*\\.jar"))
                    .max(java.util.Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException(
                            "No target/thaw-*.jar: run ./mvnw -Pproduction package -DskipTests first"))
                    .toAbsolutePath();
        }
    }

    /** Waits until the given account can sign in (demo accounts appear just after start). */
    public void awaitSignIn(String username, String password) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            try {
                StaffSignIn.signIn(new VaadinClient(base), username, password, codes);
                return;
            } catch (IOException notYet) {
                if (process != null && !process.isAlive()) {
                    throw new IllegalStateException("The app exited: see target/bench-*-app.log");
                }
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(500);
            }
        }
    }

    /**
     * Grows the demo data to {@code total} intakes by copying the demo intakes under new references (SQL only,
     * answers as they are), so the queue has full pages. Only for an app this benchmark started.
     */
    public long growIntakes(int total) throws Exception {
        if (db == null) {
            return -1;
        }
        try (var connection = java.sql.DriverManager.getConnection(db.url(), db.username(), db.password())) {
            long count = -1;
            for (int stable = 0; stable < 3; ) {
                Thread.sleep(1000);
                try (var rs = connection.createStatement().executeQuery("select count(*) from intake")) {
                    rs.next();
                    long now = rs.getLong(1);
                    stable = now > 0 && now == count ? stable + 1 : 0;
                    count = now;
                }
            }
            if (count >= total) {
                return count;
            }
            int copies = (int) Math.ceil((total - count) / (double) count);
            int added = connection.createStatement().executeUpdate("""
                    insert into intake (reference, status, requested_type, urgent, questionnaire_id,
                        questionnaire_version, answers, scores, risk_flags, full_name, preferred_name, email, phone,
                        date_of_birth, privacy_notice_version, consented_at, status_token_hash, draft_id, submitted_at)
                    select 'THW-' || upper(lpad(to_hex((i.id * 1000 + g) %% 16777215), 6, '0')), i.status,
                        i.requested_type, i.urgent, i.questionnaire_id, i.questionnaire_version, i.answers, i.scores,
                        i.risk_flags, i.full_name, i.preferred_name, i.email, i.phone, i.date_of_birth,
                        i.privacy_notice_version, i.consented_at - make_interval(mins => g),
                        md5(random()::text) || md5(random()::text),
                        -(i.id * 1000 + g), i.submitted_at - make_interval(mins => g)
                    from intake i cross join generate_series(1, %d) g
                    where i.couple_case_id is null and i.draft_id > 0
                    on conflict do nothing
                    """.formatted(copies));
            System.out.println("Copied the demo intakes: " + added + " more (" + (count + added) + " in all)");
            return count + added;
        }
    }

    public URI base() {
        return base;
    }

    /** The authenticator codes of the staff accounts that sign in to this app. */
    public AuthenticatorCodes codes() {
        return codes;
    }

    public long pid() {
        return pid;
    }

    /** The database this app runs against, when this benchmark started or was given it. */
    public java.util.Optional<BenchDatabase> benchDatabase() {
        return java.util.Optional.ofNullable(db);
    }

    public String database() {
        return db == null ? "the given server's PostgreSQL" : db.describe();
    }

    /** The JVM options the app runs with, for the report. */
    public static String jvmDescription(Options options) {
        String extra = options.get("jvmExtra", "");
        return options.get("jvm", "@src/main/docker/jvm.options") + (extra.isBlank() ? "" : " " + extra);
    }

    /** Live heap after a full GC, in bytes: jcmd's class histogram (which collects first) without fillers. */
    public long liveHeapBytes(Map<String, Long> histogram) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        long total = -1;
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                histogram.put(f[3], Long.parseLong(f[2]));
            } else if (f.length >= 3 && f[0].equals("Total")) {
                total = Long.parseLong(f[2]);
            }
        }
        if (total < 0) {
            throw new IOException("No histogram from jcmd: " + out.substring(0, Math.min(300, out.length())));
        }
        // filler arrays only pad unused heap space (retired TLABs), they hold nothing
        return total - histogram.getOrDefault("[Ljdk.internal.vm.FillerElement;", 0L);
    }

    /** A heap dump of the live objects (after a full GC), for a dominator look at what sessions retain. */
    public void heapDump(Path file) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.heap_dump", file.toString()).redirectErrorStream(true).start();
        System.out.println(new String(jcmd.getInputStream().readAllBytes()).trim());
        jcmd.waitFor();
    }

    /** User + system CPU seconds the app has used (Linux /proc). */
    public double cpuSeconds() throws IOException {
        if (pid < 0) {
            return Double.NaN;
        }
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    @Override
    public void close() throws IOException {
        codes.close();
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (db != null && ownsDb) {
            db.close();
        }
    }
}
