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

    /** One encryption key per test JVM, so a second app instance reads what the first one wrote. */
    private static final String KEY = java.util.Base64.getEncoder()
            .encodeToString(app.thaw.base.crypto.FieldCipher.newKey());

    /** Points Spring at the shared test database (and the JVM's key) before the context starts. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Connection db = get();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("thawTestDatabase", Map.of(
                    "spring.datasource.url", db.url(),
                    "spring.datasource.username", db.username(),
                    "spring.datasource.password", db.password(),
                    "thaw.crypto.keys.test", KEY,
                    "thaw.crypto.active-key", "test")));
        }
    }
}
