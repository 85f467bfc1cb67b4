package app.thaw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.thaw.IntegrationTest;

/** Real HTTP sessions, as two browsers would hold them: an admin's change ends both at their next request. */
@IntegrationTest
class SessionRevocationIT {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffPasswords passwords;

    @Autowired
    StaffAccountService accounts;

    StaffFixtures staff;

    @BeforeEach
    void fixtures() {
        staff = new StaffFixtures(administration, passwords, accounts);
    }

    @Test
    void deactivatingSomeoneEndsBothOfTheirSessionsAtOnce() throws Exception {
        var member = staff.member(StaffRole.THERAPIST);
        var laptop = signedIn(member.username(), StaffFixtures.PASSWORD);
        var phone = signedIn(member.username(), StaffFixtures.PASSWORD);
        assertThat(get(laptop, "/staff").statusCode()).isEqualTo(200);
        assertThat(get(phone, "/staff").statusCode()).isEqualTo(200);

        staff.as("admin", () -> administration.deactivate(member.id()));

        for (HttpClient session : new HttpClient[] {laptop, phone}) {
            var response = get(session, "/staff");
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                    .endsWith("/login"));
        }
    }

    @Test
    void aNewRoleEndsTheirSessionsAndAColleaguesAreUntouched() throws Exception {
        var member = staff.member(StaffRole.THERAPIST);
        var colleague = staff.member(StaffRole.THERAPIST);
        var theirs = signedIn(member.username(), StaffFixtures.PASSWORD);
        var other = signedIn(colleague.username(), StaffFixtures.PASSWORD);

        staff.as("admin", () -> administration.changeRole(member.id(), StaffRole.ADMIN));

        assertThat(get(theirs, "/staff").statusCode()).isEqualTo(302);
        assertThat(get(other, "/staff").statusCode()).isEqualTo(200);
        // signing in again gives them the new role
        var again = signedIn(member.username(), StaffFixtures.PASSWORD);
        assertThat(get(again, "/staff/admin/team").statusCode()).isEqualTo(200);
    }

    private HttpClient signedIn(String username, String password) throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = get(client, "/login").body();
        var token = CSRF.matcher(page);
        var parameter = CSRF_PARAMETER.matcher(page);
        String form = "username=" + encode(username) + "&password=" + encode(password)
                + (token.find() && parameter.find() ? "&" + parameter.group(1) + "=" + encode(token.group(1)) : "");
        var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("sign-in answer").isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .doesNotContain("error"));
        return client;
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
