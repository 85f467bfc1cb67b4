package app.thaw.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.thaw.IntegrationTest;

/**
 * An address Tomcat refuses before the application sees it (a broken %-escape from a mangled email link, a path that
 * climbs out with "..", a character no URL may hold, a header too long): the calm page with a way to the start page,
 * still a 400, never Tomcat's own report. Written to the socket: the Java client refuses to send such addresses.
 */
@IntegrationTest
class BrokenLinkIT {

    @LocalServerPort
    int port;

    @Test
    void aLinkWithABrokenEscapeGetsTheCalmPage() throws IOException {
        for (String path : List.of("/status/%zz", "/offer/abc%", "/intake%2")) {
            String response = get(path, "");
            assertThat(response).as(path).startsWith("HTTP/1.1 400 ");
            String head = head(response).toLowerCase(Locale.ROOT);
            assertThat(head).as(path).contains("content-type: text/html;charset=utf-8")
                    // the edge's headers reach this page too: its one inline style is what the policy allows
                    .contains("content-security-policy: ").contains("style-src 'self' 'unsafe-inline'")
                    .contains("cache-control: no-store");
            assertThat(body(response)).as(path)
                    .contains("<html lang=\"en-GB\">", "That link looks broken",
                            "Please check the address, or copy the whole link from your email again.", "href=\"/\"")
                    .doesNotContain("Tomcat", "HTTP Status", "<script", "Exception", "%zz");
        }
    }

    @Test
    void otherAddressesTomcatRefusesGetTheSameCalmPage() throws IOException {
        for (String path : List.of("/%2e%2e/", "/status/../../etc", "/a%00b", "/status/a{b}", "/status/a\\b")) {
            String response = get(path, "");
            assertThat(response).as(path).startsWith("HTTP/1.1 400 ");
            assertThat(body(response)).as(path).contains("That link looks broken").doesNotContain("Tomcat",
                    "HTTP Status");
        }
        // a header past Tomcat's limit, such as a browser's heap of cookies
        String tooLong = get("/", "X-Padding: " + "a".repeat(20_000) + "\r\n");
        assertThat(tooLong).startsWith("HTTP/1.1 400 ");
        assertThat(body(tooLong)).contains("That link looks broken").doesNotContain("Tomcat", "HTTP Status");
    }

    private String get(String path, String extraHeaders) throws IOException {
        return raw("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + extraHeaders
                + "Connection: close\r\n\r\n");
    }

    /** The whole response to a request written straight to the socket. */
    private String raw(String request) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String head(String response) {
        return response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
    }

    private static String body(String response) {
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? "" : response.substring(end + 4);
    }
}
