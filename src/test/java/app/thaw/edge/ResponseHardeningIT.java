package app.thaw.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.IntegrationTest;
import app.thaw.SecondInstance;

/**
 * Issue 14 points 2 and 3 at the HTTP level: requests for an unknown host get a plain 400 (with every security
 * header); every response carries the headers, errors and JSON included; private responses are no-store; the
 * session id never appears in a URL; a sign-in posted from another site is refused before it is read.
 */
@IntegrationTest
class ResponseHardeningIT {

    private static final List<String> EVERY_RESPONSE = List.of("content-security-policy", "x-content-type-options",
            "x-frame-options", "referrer-policy", "permissions-policy", "cross-origin-opener-policy");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRequestForAnUnknownHostIsRefusedAndNamesNoLinkToIt() throws Exception {
        for (String path : List.of("/", "/intake", "/status/abc", "/login", "/staff", "/?v-r=init&location=",
                "/calendar/abc.ics", "/welcome/abc")) {
            var response = Http.get(port, path, Map.of("Host", "evil.example"));
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).doesNotContain("evil.example");
            assertThat(response.headers().values()).as(path).noneMatch(value -> value.contains("evil.example"));
            assertThat(response.headers()).as(path).containsKeys(EVERY_RESPONSE.toArray(String[]::new));
        }
        // a load balancer's health check may use any name
        assertThat(Http.get(port, "/actuator/health", Map.of("Host", "evil.example")).status()).isEqualTo(200);
        // behind the trusted proxy, the host the proxy forwards is checked the same way
        assertThat(Http.get(SecondInstance.port(), "/", Map.of("X-Forwarded-Host", "evil.example")).status())
                .isEqualTo(400);
    }

    @Test
    void aForwardedHostFromAnUntrustedPeerIsIgnoredAndNeverEchoed() throws Exception {
        var forged = Map.of("X-Forwarded-Host", "evil.example", "Forwarded", "host=evil.example;proto=https");
        for (String path : List.of("/", "/staff", "/login", "/intake")) {
            var response = Http.get(port, path, forged);
            assertThat(response.status()).as(path).isLessThan(400);
            assertThat(response.body()).as(path).doesNotContain("evil.example");
            assertThat(String.join(" ", response.headers().values())).as(path).doesNotContain("evil.example");
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersErrorsAndJsonIncluded() throws Exception {
        var responses = Map.of(
                "page", Http.get(port, "/", Map.of()),
                "bootstrap JSON", Http.get(port, "/?v-r=init&location=&query=", Map.of()),
                "health JSON", Http.get(port, "/actuator/health", Map.of()),
                "not found", Http.get(port, "/calendar/" + "x".repeat(43) + ".ics", Map.of()),
                "redirect to sign-in", Http.get(port, "/staff", Map.of()),
                "bad request", Http.get(port, "/status/%", Map.of()),
                "static file", Http.get(port, "/styles/thaw.css", Map.of()),
                "refused cross-site post", Http.send(port, "POST", "/login", Map.of("Origin", "https://evil.example",
                        "Content-Type", "application/x-www-form-urlencoded"), "username=a&password=b"));
        responses.forEach((what, response) -> {
            assertThat(response.headers()).as(what).containsKeys(EVERY_RESPONSE.toArray(String[]::new));
            assertThat(response.header("x-frame-options")).as(what).isEqualTo("DENY");
            assertThat(response.header("content-security-policy")).as(what).contains("frame-ancestors 'none'");
        });
        for (String dynamic : List.of("page", "bootstrap JSON", "health JSON", "not found", "redirect to sign-in",
                "refused cross-site post")) {
            assertThat(responses.get(dynamic).header("cache-control")).as(dynamic).isEqualTo("no-store");
        }
    }

    @Test
    void theSessionIdIsNeverPutIntoAUrl() throws Exception {
        var response = Http.get(port, "/staff", Map.of());
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("location")).isEqualTo("/login").doesNotContainIgnoringCase("jsessionid");
        var login = Http.get(port, "/login", Map.of());
        assertThat(login.body()).doesNotContainIgnoringCase("jsessionid=");
        assertThat(login.header("set-cookie")).contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefusedBeforeItIsRead() throws Exception {
        long audited = jdbc.queryForObject("select count(*) from audit_entry where action = 'SIGN_IN_FAILED'",
                Long.class);
        var form = Map.of("Content-Type", "application/x-www-form-urlencoded");
        for (var forged : List.of(Map.of("Origin", "https://evil.example"), Map.of("Sec-Fetch-Site", "cross-site"),
                Map.of("Sec-Fetch-Site", "same-site"), Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site"),
                Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "cross-site"))) {
            var headers = new java.util.HashMap<>(form);
            headers.putAll(forged);
            var response = Http.send(port, "POST", "/login", headers, "username=admin&password=calm-river-2026");
            assertThat(response.status()).as(forged.toString()).isEqualTo(403);
            assertThat(response.header("set-cookie")).as(forged.toString()).isNull();
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SIGN_IN_FAILED'",
                Long.class)).isEqualTo(audited);

        // the same form from the app's own page is read (and, with a wrong password, refused as usual)
        var headers = new java.util.HashMap<>(form);
        // as Chromium sends it under Referrer-Policy: no-referrer
        headers.put("Origin", "null");
        headers.put("Sec-Fetch-Site", "same-origin");
        var own = Http.send(port, "POST", "/login", headers, "username=nobody-csrf&password=wrong");
        assertThat(own.status()).isEqualTo(302);
        assertThat(own.header("location")).isEqualTo("/login?error");
        jdbc.update("delete from sign_in_throttle where throttle_key = 'address:127.0.0.1'");
    }
}
