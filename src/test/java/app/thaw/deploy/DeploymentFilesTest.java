package app.thaw.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import app.thaw.base.web.TrustedProxies;

/**
 * Issue 14 point 4 without a Docker engine: docker-compose.yml, its dev overlay, the Caddyfile and the Dockerfile
 * are read and their wiring checked: only the proxy publishes ports, both replicas wait for a healthy database and
 * believe forwarded headers from the proxy's fixed address only, the proxy waits for healthy replicas and keeps a
 * browser on one, health checks point at the readiness probe, and the image runs as non-root with its AOT cache.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of(".");
    private static final List<String> REPLICAS = List.of("app1", "app2");

    private final JsonNode compose = yaml("docker-compose.yml");
    private final JsonNode services = compose.get("services");

    @Test
    void postgresql18WithAHealthCheckAndAVolumeAndNoPublishedPort() {
        JsonNode db = services.get("db");
        assertThat(db.get("image").asString()).startsWith("postgres:18");
        assertThat(db.has("ports")).isFalse();
        assertThat(text(db.get("healthcheck").get("test"))).contains("pg_isready");
        assertThat(text(db.get("volumes"))).contains("thaw-db:/var/lib/postgresql");
        assertThat(compose.get("volumes").has("thaw-db")).isTrue();
    }

    @Test
    void twoReplicasOfOneImageOnlyReachableThroughTheProxy() {
        for (String name : REPLICAS) {
            JsonNode app = services.get(name);
            assertThat(app.get("image").asString()).as(name).isEqualTo(services.get("app1").get("image").asString());
            assertThat(app.has("ports")).as(name + " publishes no port").isFalse();
            assertThat(text(app.get("expose"))).as(name).contains("8080");
            assertThat(app.get("depends_on").get("db").get("condition").asString()).as(name)
                    .isEqualTo("service_healthy");
            assertThat(text(app.get("healthcheck").get("test"))).as(name)
                    .contains("http://localhost:8080/actuator/health/readiness");
            assertThat(app.get("restart").asString()).as(name).isEqualTo("unless-stopped");
            assertThat(app.has("mem_limit")).as(name).isTrue();
        }
        assertThat(services.get("app1").has("build")).isTrue();
    }

    @Test
    void eachReplicaIsConfiguredForProductionAndTrustsOnlyTheProxy() {
        String proxyAddress = services.get("proxy").get("networks").get("thaw").get("ipv4_address").asString();
        String subnet = compose.get("networks").get("thaw").get("ipam").get("config").get(0).get("subnet").asString();
        assertThat(TrustedProxies.parse(List.of(subnet)).contains(proxyAddress)).isTrue();
        for (String name : REPLICAS) {
            JsonNode env = services.get(name).get("environment");
            assertThat(env.get("SPRING_DATASOURCE_URL").asString()).as(name).isEqualTo("jdbc:postgresql://db:5432/thaw");
            assertThat(env.get("SPRING_DATASOURCE_PASSWORD").asString()).as(name).contains("THAW_DB_PASSWORD");
            assertThat(env.get("THAW_PUBLIC_URL").asString()).as(name).startsWith("https://${THAW_HOST");
            assertThat(env.get("THAW_PROXY_TRUSTED").asString()).as(name).isEqualTo(proxyAddress);
            assertThat(env.get("THAW_CRYPTO_ACTIVE_KEY").asString()).as(name).isEqualTo("k1");
            assertThat(env.get("THAW_CRYPTO_KEYS_K1").asString()).as(name).contains("THAW_CRYPTO_KEY");
            assertThat(env.get("SPRING_DATASOURCE_USERNAME").asString()).as(name)
                    .isEqualTo(services.get("db").get("environment").get("POSTGRES_USER").asString());
        }
        // the variables are the ones the application reads
        String config = read("src/main/resources/application.yml");
        assertThat(config).contains("public-url:").contains("trusted:");
    }

    @Test
    void theProxyPublishesHttpAndHttpsWaitsForHealthyReplicasAndKeepsABrowserOnOne() {
        JsonNode proxy = services.get("proxy");
        assertThat(text(proxy.get("ports"))).contains("80:80").contains("443:443");
        for (String name : REPLICAS) {
            assertThat(proxy.get("depends_on").get(name).get("condition").asString()).isEqualTo("service_healthy");
        }
        assertThat(text(proxy.get("volumes"))).contains("./deploy/Caddyfile:/etc/caddy/Caddyfile");
        String caddy = read("deploy/Caddyfile");
        assertThat(caddy).contains("reverse_proxy app1:8080 app2:8080").containsPattern("lb_policy cookie")
                .contains("health_uri /actuator/health/readiness")
                .contains("header_up X-Forwarded-For {remote_host}").contains("header_up X-Forwarded-Proto {scheme}")
                .contains("header_up -Forwarded").contains("{$THAW_HOST");
    }

    @Test
    void theDevOverlayAddsMailpitAndPointsBothReplicasAtIt() {
        JsonNode dev = yaml("docker-compose.dev.yml").get("services");
        JsonNode mailpit = dev.get("mailpit");
        assertThat(mailpit.get("image").asString()).startsWith("axllent/mailpit");
        assertThat(text(mailpit.get("expose"))).contains("1025");
        for (String name : REPLICAS) {
            JsonNode env = dev.get(name).get("environment");
            assertThat(env.get("SPRING_MAIL_HOST").asString()).isEqualTo("mailpit");
            assertThat(env.get("SPRING_MAIL_PORT").asString()).isEqualTo("1025");
            assertThat(services.has(name)).isTrue();
        }
        assertThat(services.has("mailpit")).as("Mailpit only in the dev overlay").isFalse();
    }

    @Test
    void theImageRunsAsNonRootWithAHealthCheckTheAotCacheAndMemorySettings() {
        String dockerfile = read("Dockerfile");
        assertThat(dockerfile).contains("./mvnw -B -Pproduction -DskipTests package");
        var user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).doesNotStartWith("root").doesNotStartWith("0");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\n?.*actuator/health/readiness");
        assertThat(dockerfile).contains("-XX:AOTCache=/app/thaw.aot").contains("aot-train.sh")
                .contains("THAW_PUBLIC_URL=").contains("EXPOSE 8080");
        String options = read("src/main/docker/jvm.options");
        assertThat(options).contains("-Xmx").contains("-XX:+ExitOnOutOfMemoryError");
    }

    private static JsonNode yaml(String file) {
        return new YAMLMapper().readTree(read(file));
    }

    private static String read(String file) {
        try {
            return Files.readString(ROOT.resolve(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node) {
        var parts = new ArrayList<String>();
        node.forEach(element -> parts.add(element.asString()));
        return parts.isEmpty() ? node.asString() : String.join(" ", parts);
    }
}
