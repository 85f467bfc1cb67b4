package app.thaw.base.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import app.thaw.Application;

/**
 * Issue 14 points 2 and 4: production (no dev or test profile) refuses to start without a public address, on the
 * embedded database or with a malformed proxy list, before anything else starts; dev and test runs are exempt.
 */
class ProductionReadinessTest {

    private final ProductionReadiness readiness = new ProductionReadiness();

    @Test
    void productionWithoutAPublicAddressOrADatabaseServerDoesNotStart() {
        assertThatThrownBy(() -> readiness.postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
                .isInstanceOfSatisfying(ProductionReadiness.NotReadyForProduction.class, refused ->
                        assertThat(refused.problems()).hasSize(2)
                                .anySatisfy(p -> assertThat(p).startsWith("THAW_PUBLIC_URL"))
                                .anySatisfy(p -> assertThat(p).startsWith("SPRING_DATASOURCE_URL")));
    }

    @Test
    void aPlainHttpAddressForAPublicHostOrAHostNameAsProxyIsRefused() {
        var environment = production().withProperty("thaw.public-url", "http://thaw.example")
                .withProperty("thaw.proxy.trusted", "proxy.internal");
        assertThatThrownBy(() -> readiness.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOfSatisfying(ProductionReadiness.NotReadyForProduction.class, refused ->
                        assertThat(refused.problems()).hasSize(2)
                                .anySatisfy(p -> assertThat(p).contains("must use https"))
                                .anySatisfy(p -> assertThat(p).contains("host names are not accepted")));
    }

    @Test
    void aCompleteProductionConfigurationAndDevAndTestRunsStart() {
        readiness.postProcessEnvironment(production().withProperty("thaw.public-url", "https://thaw.example/")
                .withProperty("thaw.proxy.trusted", "172.28.0.10, 10.0.0.0/8"), new SpringApplication());
        var dev = new MockEnvironment();
        dev.setActiveProfiles("dev");
        readiness.postProcessEnvironment(dev, new SpringApplication());
        assertThat(PublicUrl.normalise("https://Thaw.Example/")).isEqualTo("https://thaw.example");
        assertThat(PublicUrl.normalise("https://example.org/thaw/")).isEqualTo("https://example.org/thaw");
    }

    @Test
    void theRealApplicationRefusesBeforeStartingAnything() {
        var application = new SpringApplication(Application.class);
        assertThatThrownBy(() -> application.run("--spring.main.banner-mode=off", "--logging.level.root=off"))
                .satisfies(thrown -> {
                    Throwable cause = thrown;
                    while (cause != null && !(cause instanceof ProductionReadiness.NotReadyForProduction)) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).isInstanceOf(ProductionReadiness.NotReadyForProduction.class);
                });
    }

    @Test
    void trustedProxiesMatchAddressesAndRangesOnly() {
        var proxies = TrustedProxies.parse(List.of("172.28.0.10", "10.0.0.0/8", "fd00::/8"));
        assertThat(proxies.contains("172.28.0.10")).isTrue();
        assertThat(proxies.contains("10.200.3.4")).isTrue();
        assertThat(proxies.contains("fd12::1")).isTrue();
        assertThat(proxies.contains("172.28.0.11")).isFalse();
        assertThat(proxies.contains("192.168.1.1")).isFalse();
        assertThat(proxies.contains("not-an-address")).isFalse();
        assertThat(TrustedProxies.parse(List.of("")).contains("127.0.0.1")).isFalse();
    }

    private static MockEnvironment production() {
        return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/thaw");
    }
}
