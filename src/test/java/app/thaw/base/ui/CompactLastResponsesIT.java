package app.thaw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.thaw.IntegrationTest;

/**
 * A browser that lost the answer to a message sends the same message again and must get the same answer: the page's
 * kept answer, deflated between requests by {@link CompactLastResponses}, is put back before Vaadin answers.
 */
@IntegrationTest
class CompactLastResponsesIT {

    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aMessageSentAgainGetsTheSameLongAnswerAgain() throws Exception {
        var init = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?v-r=init&location=&query="))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        var key = SECURITY_KEY.matcher(init.body());
        var ui = UI_ID.matcher(init.body());
        assertThat(key.find()).isTrue();
        assertThat(ui.find()).isTrue();
        String uidl = "/?v-r=uidl&v-uiId=" + ui.group(1);
        // what the browser's router sends on following a link to the questionnaire
        String navigate = "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"intake\",\"query\":\"\",\"appShellTitle\":\"\","
                + "\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}";

        var first = post(uidl, navigate, key.group(1));
        assertThat(first.statusCode()).isEqualTo(200);
        // long enough to be kept deflated between requests
        assertThat(first.body()).contains("\"syncId\":1").hasSizeGreaterThan(CompactLastResponses.THRESHOLD);

        var again = post(uidl, navigate, key.group(1));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());

        // and the page carries on: the next message is answered as the next one
        var next = post(uidl, "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[],\"syncId\":1,\"clientId\":1}",
                key.group(1));
        assertThat(next.body()).contains("\"syncId\":2").doesNotContain("appError");
    }

    private HttpResponse<String> post(String path, String body, String securityKey) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Vaadin-Security-Key", securityKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
