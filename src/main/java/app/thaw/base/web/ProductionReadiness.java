package app.thaw.base.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a production run that would put clients at risk, before anything else starts: no public
 * address (links would have nowhere trustworthy to point) or no PostgreSQL server (the embedded one is for a
 * developer's machine: no backups, no second instance). Dev and test runs are exempt.
 */
public class ProductionReadiness implements EnvironmentPostProcessor {

    /** Lets a benchmark run the jar on its embedded database without the dev profile. */
    static final String ALLOW_EMBEDDED = "thaw.embedded-postgres.allowed";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Production.isProduction(environment)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        String url = environment.getProperty(PublicUrl.PROPERTY);
        if (url == null || url.isBlank()) {
            problems.add("THAW_PUBLIC_URL (thaw.public-url) is not set: every link sent to clients and staff starts "
                    + "with it, e.g. THAW_PUBLIC_URL=https://thaw.your-practice.org");
        } else {
            try {
                PublicUrl.normalise(url);
            } catch (IllegalArgumentException wrong) {
                problems.add(wrong.getMessage());
            }
        }
        String database = environment.getProperty("spring.datasource.url");
        if ((database == null || database.isBlank())
                && !environment.getProperty(ALLOW_EMBEDDED, Boolean.class, false)) {
            problems.add("SPRING_DATASOURCE_URL is not set: production runs on a PostgreSQL server of its own, "
                    + "never on the embedded development database");
        }
        try {
            TrustedProxies.parse(List.of(environment.getProperty("thaw.proxy.trusted", String[].class,
                    new String[0])));
        } catch (IllegalArgumentException wrong) {
            problems.add(wrong.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new NotReadyForProduction(problems);
        }
    }

    /** What is missing, said once at start-up (see {@link NotReadyForProductionAnalyzer}). */
    public static class NotReadyForProduction extends IllegalStateException {

        private final List<String> problems;

        NotReadyForProduction(List<String> problems) {
            super("Thaw is not configured for production: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
