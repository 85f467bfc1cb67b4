package app.thaw.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import app.thaw.IntegrationTest;
import app.thaw.security.SecondFactorService;
import app.thaw.security.TotpTestCodes;
import app.thaw.dev.DemoStaffAccounts;

@IntegrationTest
class AuditLogIT {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER = Pattern.compile(
            "<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuthenticationProvider staffAuthentication;

    @Autowired
    SecondFactorService secondFactor;

    @LocalServerPort
    int port;

    @Test
    void theDatabaseRefusesToChangeOrRemoveAuditLines() {
        long id = jdbc.queryForObject("""
                insert into audit_entry (occurred_at, actor_name, action, detail)
                values (now(), 'system', 'INTAKE_SUBMITTED', 'kept forever') returning id""", Long.class);
        long total = count();

        Throwable update = catchThrowable(() -> jdbc.update(
                "update audit_entry set detail = 'rewritten' where id = ?", id));
        Throwable updateAll = catchThrowable(() -> jdbc.update("update audit_entry set actor_name = 'nobody'"));
        Throwable delete = catchThrowable(() -> jdbc.update("delete from audit_entry where id = ?", id));
        Throwable truncate = catchThrowable(() -> jdbc.execute("truncate audit_entry"));

        assertThat(List.of(update, updateAll, delete, truncate)).allSatisfy(refused ->
                assertThat(refused).isNotNull().rootCause().hasMessageContaining("the audit log is append-only"));
        assertThat(update).rootCause().hasMessageContaining("UPDATE is not allowed");
        assertThat(delete).rootCause().hasMessageContaining("DELETE is not allowed");
        assertThat(truncate).rootCause().hasMessageContaining("TRUNCATE is not allowed");
        assertThat(jdbc.queryForObject("select detail from audit_entry where id = ?", String.class, id))
                .isEqualTo("kept forever");
        assertThat(count()).isEqualTo(total);
    }

    @Test
    void aSuccessfulSignInIsAuditedWithTheStaffMemberOnceTheSecondFactorIsRight() throws Exception {
        long last = lastId();

        HttpResponse<String> response = signIn("amira", DemoStaffAccounts.DEMO_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login/verify");
        assertThat(signInsAfter(last)).as("the password alone is not a sign-in").isEmpty();
        assertThat(jdbc.queryForList("select actor_id from audit_entry where id > ? and action = 'PASSWORD_ACCEPTED'",
                Long.class, last)).containsExactly(staffId("amira"));

        // the verification page's work, done in-process (the browser tests drive the page itself)
        try {
            SecurityContextHolder.getContext().setAuthentication(staffAuthentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("amira", DemoStaffAccounts.DEMO_PASSWORD)));
            assertThat(secondFactor.verify(TotpTestCodes.forDemoAccount(jdbc, "amira")).accepted()).isTrue();
        } finally {
            SecurityContextHolder.clearContext();
        }
        var rows = signInsAfter(last);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("action")).isEqualTo("SIGN_IN");
            assertThat(row.get("actor_id")).isEqualTo(staffId("amira"));
            assertThat(row.get("actor_name")).isEqualTo("Dr Amira Khan");
            assertThat(row.get("intake_id")).isNull();
        });
    }

    @Test
    void failedSignInsAreAuditedWithoutThePassword() throws Exception {
        long last = lastId();

        HttpResponse<String> wrongPassword = signIn("tom", "not-the-password-42");
        HttpResponse<String> unknownUser = signIn("nobody.here", "whatever-it-is");
        HttpResponse<String> passwordInUsernameBox = signIn("my secret pass phrase!", "x");

        assertThat(List.of(wrongPassword, unknownUser, passwordInUsernameBox)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        });
        var rows = signInsAfter(last);
        assertThat(rows).extracting(row -> row.get("action")).containsOnly("SIGN_IN_FAILED");
        // the account is named only when the username is one; what was typed is never kept
        assertThat(rows).extracting(row -> row.get("actor_name")).containsExactly("Tom Whitfield",
                "an unknown username", "an unknown username");
        assertThat(rows.getFirst().get("actor_id")).isNotNull();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.toString()).doesNotContain("not-the-password").doesNotContain("whatever")
                    .doesNotContain("secret").doesNotContain("nobody.here");
            assertThat(row.get("client_address")).isEqualTo("127.0.0.1");
        });
        jdbc.update("delete from sign_in_throttle where throttle_key in ('account:tom', 'address:127.0.0.1')");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** Signs in the way the login page does: a form POST with the session's CSRF token. */
    private HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(url("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher token = CSRF_META.matcher(page.body());
        assertThat(token.find()).as("CSRF token in the login page").isTrue();
        Matcher parameter = CSRF_PARAMETER.matcher(page.body());
        String csrfParameter = parameter.find() ? parameter.group(1) : "_csrf";
        String form = Map.of("username", username, "password", password, csrfParameter, token.group(1)).entrySet()
                .stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(url("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private List<Map<String, Object>> signInsAfter(long id) {
        return jdbc.queryForList("select * from audit_entry where id > ? and action in ('SIGN_IN', 'SIGN_IN_FAILED') "
                + "order by id", id);
    }

    private long lastId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    }

    private long staffId(String username) {
        return jdbc.queryForObject("select id from staff_account where username = ?", Long.class, username);
    }
}
