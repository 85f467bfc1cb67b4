package app.thaw.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.IntegrationTest;
import app.thaw.SecondInstance;

/**
 * Issue 14 point 1. The shared instance names no trusted proxy: a client's own X-Forwarded-For, Forwarded or
 * X-Real-IP changes nothing (the sign-in throttle and the audit log see the real peer). The second instance trusts
 * 127.0.0.1 as its proxy: there, and only there, the proxy's X-Forwarded-For is the client's address.
 */
@IntegrationTest
class ForwardedHeadersIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerChangesNothing() throws Exception {
        long before = lastAuditId();
        var response = failedSignIn(port, Map.of("X-Forwarded-For", "203.0.113.77",
                "Forwarded", "for=203.0.113.78;proto=https", "X-Real-IP", "203.0.113.79", "X-Forwarded-Proto", "https"));

        assertThat(response.status()).isEqualTo(302);
        assertThat(auditAddressesSince(before)).containsOnly("127.0.0.1");
        assertThat(throttleKeysLike("address:203.0.113.7%")).isEmpty();
        assertThat(throttleKeysLike("address:127.0.0.1")).containsExactly("address:127.0.0.1");
        // nor does it make the app think the request came over https
        assertThat(response.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void behindTheTrustedProxyItsForwardedForIsTheClientsAddress() throws Exception {
        int second = SecondInstance.port();
        long before = lastAuditId();
        var response = failedSignIn(second, Map.of("X-Forwarded-For", "192.0.2.99, 203.0.113.80",
                "X-Forwarded-Proto", "https"));

        assertThat(response.status()).isEqualTo(302);
        // the right-most address the proxy added is the client's; what the client put before it is ignored
        assertThat(auditAddressesSince(before)).containsOnly("203.0.113.80");
        assertThat(throttleKeysLike("address:203.0.113.80")).containsExactly("address:203.0.113.80");
        assertThat(throttleKeysLike("address:192.0.2.99")).isEmpty();
        // the proxy said https: the response says so too
        assertThat(response.header("Strict-Transport-Security")).contains("max-age=");
        jdbc.update("delete from sign_in_throttle where throttle_key = 'address:203.0.113.80'");
    }

    @Test
    void behindTheTrustedProxyAForwardedHeaderItDidNotWriteIsIgnored() throws Exception {
        long before = lastAuditId();
        failedSignIn(SecondInstance.port(), Map.of("Forwarded", "for=203.0.113.81", "X-Real-IP", "203.0.113.82"));

        assertThat(auditAddressesSince(before)).containsOnly("127.0.0.1");
    }

    @org.junit.jupiter.api.AfterEach
    void browserTestsSignInFromHereToo() {
        jdbc.update("delete from sign_in_throttle where throttle_key = 'address:127.0.0.1'");
    }

    private Http failedSignIn(int target, Map<String, String> extra) throws Exception {
        var headers = new java.util.LinkedHashMap<String, String>(extra);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        return Http.send(target, "POST", "/login", headers, "username=nobody-edge&password=not-a-password");
    }

    private long lastAuditId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
    }

    private java.util.List<String> auditAddressesSince(long id) {
        return jdbc.queryForList("select client_address from audit_entry where id > ? and action = 'SIGN_IN_FAILED'",
                String.class, id);
    }

    private java.util.List<String> throttleKeysLike(String pattern) {
        return jdbc.queryForList("select throttle_key from sign_in_throttle where throttle_key like ?", String.class,
                pattern);
    }
}
