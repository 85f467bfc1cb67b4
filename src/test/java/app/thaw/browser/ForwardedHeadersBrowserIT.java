package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.SecondInstance;

/**
 * Issue 14 point 1 for the public form's rate limit (ForwardedHeadersIT covers the sign-in throttle and the audit
 * address): a client whose browser sends its own X-Forwarded-For is counted against the address it really comes
 * from; only behind the named proxy does the address that proxy added count.
 */
class ForwardedHeadersBrowserIT extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSpoofedForwardedForDoesNotChooseTheAddressTheFormIsCountedAgainst() {
        String spoofed = "203.0.113." + ThreadLocalRandom.current().nextInt(100, 250);
        context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", spoofed, "X-Real-IP", spoofed,
                "Forwarded", "for=" + spoofed));

        startADraft(url("/intake"));

        assertThat(buckets("%" + spoofed + "%")).isEmpty();
        assertThat(buckets("draft:%")).anyMatch(key -> key.equals("draft:127.0.0.1") || key.endsWith(":0:1"));
    }

    @Test
    void behindTheNamedProxyTheAddressItAddedIsTheOneCounted() {
        String client = "198.51.100." + ThreadLocalRandom.current().nextInt(100, 250);
        // other tests count submissions from addresses of the same documentation range in the shared database
        jdbc.update("delete from intake_rate_limit where bucket_key like ?", "%:" + client);
        context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", client));

        startADraft("http://localhost:" + SecondInstance.port() + "/intake");

        assertThat(buckets("%" + client)).containsExactly("draft:" + client);
        jdbc.update("delete from intake_rate_limit where bucket_key = ?", "draft:" + client);
    }

    /** The draft is made on the first answer: that is when the form's rate limit counts the address. */
    private void startADraft(String intakeUrl) {
        open(intakeUrl);
        var name = page.getByLabel("Your full name", new Page.GetByLabelOptions().setExact(true));
        name.fill("Robin Forwarded");
        name.press("Tab");
        assertThat(page.getByTestId("resume-link")).isVisible();
        waitForVaadin();
    }

    private List<String> buckets(String pattern) {
        return jdbc.queryForList("select bucket_key from intake_rate_limit where bucket_key like ?", String.class,
                pattern);
    }
}
