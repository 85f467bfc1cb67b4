package app.thaw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.thaw.IntegrationTest;

/**
 * A signed-out visitor's mistyped address: outside the staff area it goes to the router and its "not found" page rather
 * than to the staff sign-in, while staff pages, Spring's own endpoints and the existing public pages behave as before.
 */
@IntegrationTest
class MistypedAddressIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aMistypedPublicAddressReachesTheRouterRatherThanTheStaffSignIn() throws Exception {
        for (String typo : List.of("/Privacy", "/privacyy", "/stauts/abc", "/intake/nope", "/start-here",
                "/favicon-missing.png")) {
            HttpResponse<String> response = get(typo);
            // the page is served to the router, which draws "We couldn't find that page" (EveryScreenBrowserIT)
            assertThat(response.statusCode()).as(typo).isEqualTo(200);
            assertThat(response.body()).as(typo).contains("<div id=\"outlet\">");
            assertThat(response.headers().firstValue("Location")).as(typo).isEmpty();
        }
    }

    @Test
    void staffPagesAndEndpointsOutsideTheRouterStillAskForASignIn() throws Exception {
        for (String guarded : List.of("/staff", "/staff/calender", "/staff/admin/nonexistent", "/STAFF/admin",
                "/actuator/info", "/actuator/env", "/actuator/nonexistent", "/login/verify", "/error",
                // spelt with escapes, which Spring MVC decodes before it routes
                "/%61ctuator/info", "/%73taff/admin")) {
            HttpResponse<String> response = get(guarded);
            assertThat(response.statusCode()).as(guarded).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(guarded).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        }
        // not a page: an unknown address written to is refused, never handed to the router
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(uri("/privacyy"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isNotEqualTo(200).isLessThan(500);
    }

    @Test
    void existingPublicPagesStillOpen() throws Exception {
        for (String page : List.of("/", "/privacy", "/actuator/health", "/login")) {
            assertThat(get(page).statusCode()).as(page).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
