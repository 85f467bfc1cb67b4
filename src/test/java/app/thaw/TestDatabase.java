package app.thaw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One real PostgreSQL per test JVM: a Testcontainers container when a Docker engine answers, otherwise
 * an embedded server in a fresh temporary directory. Decided once and logged.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    private static volatile Connection connection;
    private static volatile EmbeddedPostgres embedded;
    /** The shortest outage the fault tests make (see {@link #startServer()}). */
    private static final long MIN_OUTAGE_NANOS = 1_000_000_000L;
    private static long stoppedAt;

    public record Connection(String url, String username, String password, String kind) {
    }

    private TestDatabase() {
    }

    public static Connection get() {
        if (connection == null) {
            synchronized (TestDatabase.class) {
                if (connection == null) {
                    connection = dockerReachable() ? startContainer() : startEmbedded();
                    log.info("Test database: {} at {}", connection.kind(), connection.url());
                }
            }
        }
        return connection;
    }

    /** Asking Testcontainers costs seconds when no engine exists, so look for a socket or DOCKER_HOST first. */
    private static boolean dockerReachable() {
        boolean hint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        try {
            return hint && DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException noDocker) {
            return false;
        }
    }

    private static Connection startContainer() {
        var container = new PostgreSQLContainer("postgres:18-alpine");
        container.start();
        return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "Testcontainers PostgreSQL 18");
    }

    private static Connection startEmbedded() {
        try {
            Path dir = Files.createTempDirectory("thaw-test-pg");
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            embedded = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary directory goes with it
                }
            }));
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded test PostgreSQL", e);
        }
    }

    /** A new, empty database on this JVM's server, for an application started apart from the shared context. */
    public static Connection newDatabase(String name) {
        Connection server = get();
        try (var admin = java.sql.DriverManager.getConnection(server.url(), server.username(), server.password());
             var statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
        return new Connection(server.url().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name),
                server.username(), server.password(), server.kind() + ", database " + name);
    }

    /** The settings an application needs for this database: where it is and the field-encryption key of tests. */
    public static Map<String, Object> properties(Connection db) {
        return Map.of("spring.datasource.url", db.url(),
                "spring.datasource.username", db.username(),
                "spring.datasource.password", db.password(),
                "thaw.crypto.keys.test", KEY,
                "thaw.crypto.active-key", "test");
    }

    /** Whether this JVM's database is the embedded server, which the fault tests may stop and start. */
    public static boolean isEmbedded() {
        get();
        return embedded != null;
    }

    /**
     * Takes the embedded PostgreSQL away as a crash or restart would for the app: every connection to it is cut and
     * the server stops answering (its processes are suspended; the embedded binaries refuse a fresh start as root,
     * which CI is).
     */
    public static synchronized void stopServer() {
        try (var connection = java.sql.DriverManager.getConnection(get().url(), get().username(), get().password());
             var statement = connection.createStatement()) {
            // freeze the postmaster first, so no session the app opens meanwhile outlives the cut and hangs later
            var processes = postgresProcesses();
            signal("-STOP", processes.subList(0, 1));
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                    + "where pid <> pg_backend_pid() and backend_type = 'client backend'");
            awaitOnlyThisSession(statement);
            signal("-STOP", postgresProcesses());
            stoppedAt = System.nanoTime();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not take the test database away", e);
        }
    }

    private static void awaitOnlyThisSession(java.sql.Statement statement) throws java.sql.SQLException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (var others = statement.executeQuery("select count(*) from pg_stat_activity "
                    + "where pid <> pg_backend_pid() and backend_type = 'client backend'")) {
                others.next();
                if (others.getInt(1) == 0) {
                    return;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Lets it answer again, at least a second after it was taken away; the app reconnects by itself. A real outage (a
     * restart, a failover) lasts that long; the pool trusts a connection used in the last 500 ms without asking the
     * server, so a shorter one made the first request afterwards fail on a connection cut in the outage.
     */
    public static synchronized void startServer() {
        long left = MIN_OUTAGE_NANOS - (System.nanoTime() - stoppedAt);
        if (left > 0) {
            try {
                Thread.sleep(java.time.Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        signal("-CONT", postgresProcesses());
    }

    private static java.util.List<String> postgresProcesses() {
        try {
            Path pidFile = dataDirectory().resolve("postmaster.pid");
            String postmaster = Files.readAllLines(pidFile).getFirst().strip();
            var pids = new java.util.ArrayList<>(java.util.List.of(postmaster));
            try (var children = Files.list(Path.of("/proc"))) {
                children.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(proc -> {
                    try {
                        String stat = Files.readString(proc.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        if (fields[1].equals(postmaster)) {
                            pids.add(proc.getFileName().toString());
                        }
                    } catch (IOException gone) {
                        // the process ended meanwhile
                    }
                });
            }
            return pids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signal(String signal, java.util.List<String> pids) {
        try {
            var command = new java.util.ArrayList<>(java.util.List.of("kill", signal));
            command.addAll(pids);
            new ProcessBuilder(command).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path dataDirectory() {
        return ((java.io.File) field("dataDirectory")).toPath();
    }

    private static Object field(String name) {
        if (!isEmbedded()) {
            throw new IllegalStateException("Only the embedded test database can be stopped and started");
        }
        try {
            var field = EmbeddedPostgres.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(embedded);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("zonky's EmbeddedPostgres has no field " + name, e);
        }
    }

    /** One encryption key per test JVM, so a second app instance reads what the first one wrote. */
    private static final String KEY = java.util.Base64.getEncoder()
            .encodeToString(app.thaw.base.crypto.FieldCipher.newKey());

    /** Points Spring at the shared test database (and the JVM's key) before the context starts. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("thawTestDatabase",
                    properties(get())));
        }
    }
}
