package app.thaw.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import app.thaw.Application;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffUser;

/**
 * The real application context against the bench database: the embedded PostgreSQL in
 * {@code .thaw-bench-data/postgres} (its own data dir, never the dev one), or the server named by
 * {@code SPRING_DATASOURCE_URL}/{@code _USERNAME}/{@code _PASSWORD}. Background jobs are slowed to once a day so
 * they do not run inside a measurement.
 */
public final class BenchContext implements AutoCloseable {

    /** Where the embedded bench database lives; -Dthaw.embedded-postgres.data-dir=… keeps a second one beside it. */
    public static final Path DATA_DIR = Path.of(System.getProperty("thaw.embedded-postgres.data-dir",
            ".thaw-bench-data/postgres"));

    private final ConfigurableApplicationContext context;

    private BenchContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * What the data generator and the service benchmarks use. Vaadin's security configuration needs a servlet
     * context, so the web server starts too, on a free port nobody calls.
     */
    public static BenchContext start(String... extraProperties) {
        return start(WebApplicationType.SERVLET, extraProperties);
    }

    /** The whole app serving HTTP on a known port, e.g. {@code startWeb("server.port=8187")}. */
    public static BenchContext startWeb(String... extraProperties) {
        return start(WebApplicationType.SERVLET, extraProperties);
    }

    private static BenchContext start(WebApplicationType type, String... extraProperties) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("thaw.embedded-postgres.data-dir", DATA_DIR.toString());
        // a server holding a million cases is given memory for its indexes, as any production one would be
        properties.put("thaw.embedded-postgres.shared-buffers", System.getProperty("thaw.bench.shared-buffers", "2GB"));
        properties.put("spring.main.banner-mode", "off");
        properties.put("thaw.mail.send-interval", "1d");
        properties.put("thaw.mail.reminder-interval", "1d");
        properties.put("thaw.mail.confirmation-sweep", "1d");
        properties.put("thaw.intake.draft-cleanup-every", "P1D");
        properties.put("logging.level.root", "warn");
        properties.put("logging.level.app.thaw.bench", "info");
        properties.put("server.port", "0");
        for (String key : BenchKey.properties()) {
            properties.put(key.substring(0, key.indexOf('=')), key.substring(key.indexOf('=') + 1));
        }
        for (String property : extraProperties) {
            int eq = property.indexOf('=');
            properties.put(property.substring(0, eq), property.substring(eq + 1));
        }
        // as command-line arguments, so they win over application.yml (server.port: ${PORT:8080} among them)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        var context = new SpringApplicationBuilder(Application.class, BenchConfiguration.class)
                .web(type)
                .run(args);
        return new BenchContext(context);
    }

    /** True when the bench runs its own embedded PostgreSQL (no SPRING_DATASOURCE_URL). */
    public static boolean embedded() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        return (url == null || url.isBlank()) && System.getProperty("spring.datasource.url") == null;
    }

    /** Deletes the embedded bench database; refuses for a configured server. */
    public static void deleteEmbeddedData() throws IOException {
        if (!embedded()) {
            throw new IllegalStateException("--reset only deletes the embedded bench database; empty your server yourself");
        }
        Path root = DATA_DIR.getParent();
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    public DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    /** The SQL and arguments of the last JdbcTemplate query run on this thread (for DB-only timing and EXPLAIN). */
    public RecordingJdbcTemplate.Recorded lastQuery() {
        return context.getBean(RecordingJdbcTemplate.class).lastOnThisThread();
    }

    public StaffUser staff(String username) {
        return (StaffUser) context.getBean(StaffAccountService.class).loadUserByUsername(username);
    }

    /** Runs the work signed in as a staff member, as a Vaadin request would be, then signs out again. */
    public static <T> T as(StaffUser user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(signedIn);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public String postgresVersion() {
        return jdbc().queryForObject("show server_version", String.class);
    }

    public List<String> explain(RecordingJdbcTemplate.Recorded query) {
        return jdbc().queryForList("explain (analyze, buffers) " + query.sql(), String.class, query.args());
    }

    @Override
    public void close() {
        context.close();
    }
}
