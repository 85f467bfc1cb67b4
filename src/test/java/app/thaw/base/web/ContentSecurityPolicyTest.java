package app.thaw.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.communication.IndexHtmlResponse;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Issue 14 point 3: in production scripts run only from this origin or with the bootstrap page's nonce, never
 * through eval; development keeps what Vaadin's tools need. The browser proof is StrictCspBrowserIT.
 */
class ContentSecurityPolicyTest {

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]{24})'");

    @Test
    void productionScriptsComeFromThisOriginOrCarryTheNonceAndNeverUseEval() {
        var strict = new ContentSecurityPolicy(true);
        assertThat(strict.policy(null)).startsWith("script-src 'self'; ").doesNotContain("unsafe-eval")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(strict.policy("abc")).startsWith("script-src 'self' 'nonce-abc'; ")
                .contains("object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'");
        assertThat(ContentSecurityPolicy.newNonce()).hasSize(24).isNotEqualTo(ContentSecurityPolicy.newNonce());
    }

    @Test
    void developmentKeepsWhatVaadinsToolsNeed() {
        assertThat(new ContentSecurityPolicy(false).policy("abc"))
                .startsWith("script-src 'self' 'unsafe-inline' 'unsafe-eval'; ").doesNotContain("nonce");
    }

    @Test
    void theBootstrapPageSignsEveryScriptAndLoadsTheFunctionMapBeforeVaadin() {
        var document = Jsoup.parse("""
                <html><head><script initial>window.Vaadin = {};</script><base href="./..">
                <script type="module" src="./VAADIN/build/indexhtml.js"></script>
                <script>navigator.serviceWorker.register('sw.js')</script></head><body></body></html>""");
        var http = new MockHttpServletResponse();
        var page = new IndexHtmlResponse(new VaadinServletRequest(new MockHttpServletRequest(), null),
                new VaadinServletResponse(http, null), document);

        new StrictCspBootstrap(new ContentSecurityPolicy(true)).harden(page, "csp/flow-functions.js?v=1");

        var header = NONCE.matcher(http.getHeader("Content-Security-Policy"));
        assertThat(header.find()).isTrue();
        String nonce = header.group(1);
        assertThat(document.getElementsByTag("script")).hasSize(4)
                .allSatisfy(script -> assertThat(script.attr("nonce")).isEqualTo(nonce));
        var map = document.head().selectFirst("base").nextElementSibling();
        assertThat(map.attr("src")).isEqualTo("csp/flow-functions.js?v=1");
        assertThat(http.getHeader("Content-Security-Policy")).doesNotContain("unsafe-eval");
    }

    @Test
    void theMapIsFingerprintedSoBrowsersNeverKeepAnOldOne() {
        assertThat(StrictCspBootstrap.version(getClass().getClassLoader())).matches("[0-9a-f]{12}");
    }
}
