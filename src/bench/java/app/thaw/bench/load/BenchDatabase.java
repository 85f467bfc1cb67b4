package app.thaw.bench.load;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL a benchmark measures against: the server in {@code -Dbench.db.url} (with
 * {@code bench.db.username}/{@code bench.db.password}) when given, otherwise zonky's embedded
 * PostgreSQL 18 (the binaries the app's own tests use) in a fresh directory under target/.
 */
public final class BenchDatabase implements Closeable {

    private final EmbeddedPostgres embedded;
    private final String url;
    private final String username;
    private final String password;

    private BenchDatabase(EmbeddedPostgres embedded, String url, String username, String password) {
        this.embedded = embedded;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public static BenchDatabase start(String name) throws IOException {
        return start(new Options(new String[0]), name);
    }

    /**
     * As {@link #start(String)}; with {@code --data=bench} the generated bench database in
     * {@code .thaw-bench-data/postgres} (1 M intakes after {@code -Dbench=generate}) is started as it is instead of a
     * fresh one: the app's Flyway migrates it forward, nothing is deleted.
     */
    public static BenchDatabase start(Options options, String name) throws IOException {
        if (options.get("data", "").equals("bench")) {
            Path dir = app.thaw.bench.BenchContext.DATA_DIR.toAbsolutePath();
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("No bench database in " + dir + ": run -Dbench=generate first");
            }
            return embedded(EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false));
        }
        String given = System.getProperty("bench.db.url");
        if (given != null && !given.isBlank()) {
            return new BenchDatabase(null, given, System.getProperty("bench.db.username", "thaw"),
                    System.getProperty("bench.db.password", ""));
        }
        Path dir = Path.of("target", "bench-postgres", name).toAbsolutePath();
        Files.createDirectories(dir.getParent());
        return embedded(EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true));
    }

    private static BenchDatabase embedded(EmbeddedPostgres.Builder builder) throws IOException {
        var postgres = builder
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "300")
                .start();
        return new BenchDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    /** The embedded PostgreSQL over data already there (the generated bench data), kept as it is. */
    public static BenchDatabase existing(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalStateException("No database in " + dataDir.toAbsolutePath()
                    + ": generate it first (-Dbench=generate)");
        }
        var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toAbsolutePath())
                .setCleanDataDirectory(false)
                .setServerConfig("timezone", "UTC")
                .start();
        return new BenchDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    /** Keeps a PostgreSQL running for manual runs of the jar: prints its URL and waits until killed. */
    public static void main(String[] args) throws Exception {
        try (var db = start(args.length > 0 ? args[0] : "manual")) {
            System.out.println("SPRING_DATASOURCE_URL=" + db.url() + " SPRING_DATASOURCE_USERNAME=" + db.username()
                    + " (" + db.describe() + ")");
            Thread.currentThread().join();
        }
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** "PostgreSQL 18.6 (embedded, zonky)" or the given server's version, for the machine line. */
    public String describe() {
        try (var connection = DriverManager.getConnection(url, username, password);
             var rs = connection.createStatement().executeQuery("show server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1).split(" ")[0] + (embedded != null ? " (zonky embedded)" : " (given server)");
        } catch (SQLException e) {
            return "PostgreSQL (version unknown: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
