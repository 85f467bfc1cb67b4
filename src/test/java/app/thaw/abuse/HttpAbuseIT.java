package app.thaw.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.IntegrationTest;
import app.thaw.base.domain.SecretToken;

/**
 * Raw HTTP against the public pages, the calendar feed and Vaadin's own endpoint: forged links, a missing or
 * wrong security key, huge or malformed requests all get a 2xx page that says "not found" or a 4xx; never a
 * 500, and never a change of data.
 */
@IntegrationTest
class HttpAbuseIT {

    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static List<String> forgedPathTokens() {
        String real = SecretToken.generate();
        return List.of("x".repeat(SecretToken.LENGTH), real, real.substring(1), real + "A",
                enc("'; drop table intake; --"), enc("<script>window.__pwned=1</script>"), enc("{{7*7}}${7*7}"),
                "%00", "%C0%AF", "..%2F..%2Fetc%2Fpasswd", enc("\uD83D\uDE00".repeat(43)), "a".repeat(4000));
    }

    @Test
    void forgedLinksToEveryPublicPageAnswerWithoutAServerError() throws Exception {
        long intakes = count();
        for (String token : forgedPathTokens()) {
            for (String path : List.of("/status/", "/intake/resume/", "/intake/partner/", "/staff/cases/",
                    "/calendar/")) {
                String target = path.equals("/calendar/") ? path + token + ".ics" : path + token;
                int status = get(target).statusCode();
                assertThat(status).as(target).isLessThan(500);
                if (path.equals("/calendar/")) {
                    // 404, or for a path the security rules don't recognise, the sign-in redirect
                    assertThat(status).as(target).isBetween(300, 499);
                }
            }
        }
        assertThat(count()).isEqualTo(intakes);
    }

    @Test
    void vaadinRequestsWithoutASessionOrWithAWrongSecurityKeyAreRefused() throws Exception {
        String body = "{\"csrfToken\":\"%s\",\"rpc\":[{\"type\":\"navigation\",\"location\":\"intake\","
                + "\"link\":0}],\"syncId\":0,\"clientId\":0}";
        var anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var noSession = anonymous.send(post("/?v-r=uidl&v-uiId=0", body.formatted("forged"), null),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noSession.statusCode()).isLessThan(500);
        // without a session Vaadin processes nothing and asks the client to enable cookies
        assertThat(noSession.body()).contains("\"appError\"").contains("\"syncId\":-1")
                .doesNotContain("Getting to know you");

        var init = get("/?v-r=init&location=&query=");
        assertThat(init.statusCode()).isEqualTo(200);
        var key = SECURITY_KEY.matcher(init.body());
        var ui = UI_ID.matcher(init.body());
        assertThat(key.find()).as("security key in " + init.body().substring(0, 200)).isTrue();
        assertThat(ui.find()).isTrue();
        String uidl = "/?v-r=uidl&v-uiId=" + ui.group(1);

        for (String wrong : List.of("", "forged", key.group(1) + "x", "'; drop table intake; --", "\\u0000")) {
            var refused = http.send(post(uidl, body.formatted(wrong), wrong), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(wrong).isLessThan(500);
            // Vaadin's refusal: nothing processed, an application error the client shows, sync id -1
            assertThat(refused.body()).as(wrong).contains("\"appError\"").contains("\"syncId\":-1")
                    .doesNotContain("Getting to know you");
        }
        var accepted = http.send(post(uidl, body.formatted(key.group(1)), key.group(1)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(200);
        // the same request with the right key is processed: the refusals above were the key's doing
        assertThat(accepted.body()).doesNotContain("appError").contains("\"syncId\":1");
    }

    @Test
    void malformedAndHugeVaadinRequestsAreRefusedWithoutAServerError() throws Exception {
        var init = get("/?v-r=init&location=&query=");
        var ui = UI_ID.matcher(init.body());
        assertThat(ui.find()).isTrue();
        String uidl = "/?v-r=uidl&v-uiId=" + ui.group(1);
        for (String body : List.of("", "{", "not json at all", "[]", "{\"rpc\":\"nope\"}", "null",
                "{\"csrfToken\":" + "[".repeat(100_000) + "}", "{\"x\":\"" + HostileText.MEGABYTE.repeat(12) + "\"}")) {
            var response = http.send(post(uidl, body, null), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(body.length() + " characters").isLessThan(500);
        }
        for (String path : List.of("/?v-r=uidl&v-uiId=999999", "/?v-r=uidl&v-uiId=x", "/?v-r=nope",
                "/?v-r=init&location=" + enc("staff/cases/'; drop table intake; --"))) {
            var response = http.send(post(path, "{}", null), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isLessThan(500);
        }
    }

    @Test
    void hugeHeadersAndUrlsGetA4xx() throws Exception {
        var bigHeader = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("X-Big", "a".repeat(200_000)).GET().build();
        assertThat(http.send(bigHeader, HttpResponse.BodyHandlers.discarding()).statusCode()).isBetween(400, 499);
        assertThat(get("/status/" + "a".repeat(100_000)).statusCode()).isBetween(400, 499);
        var badCookie = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Cookie", "JSESSIONID='; drop table intake; --").GET().build();
        assertThat(HttpClient.newHttpClient().send(badCookie, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isLessThan(500);
    }

    @Test
    void brokenRequestLinesAndLengthsGetA4xx() throws Exception {
        assertThat(raw("BREW /\u0001 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 4");
        assertThat(raw("POST /?v-r=uidl&v-uiId=0 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 99999999999999999999\r\nConnection: close\r\n\r\n{}")).startsWith("HTTP/1.1 4");
        assertThat(raw("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: 32\r\nConnection: close\r\n\r\nusername=nobody-abuse&password=x"))
                // a tool's POST (no Origin, no Sec-Fetch-Site) is checked and refused; redirects never echo the Host
                .startsWith("HTTP/1.1 302").contains("Location: /login?error");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String path, String body, String securityKey) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (securityKey != null && !securityKey.isEmpty() && securityKey.chars().allMatch(c -> c >= 32 && c < 127)) {
            request.header("Vaadin-Security-Key", securityKey);
        }
        return request.build();
    }

    /** A request the Java client would refuse to send, written straight to the socket; returns the response head. */
    private String raw(String request) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readNBytes(4000), StandardCharsets.ISO_8859_1);
            return response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
        }
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from intake", Long.class);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
