package app.thaw.base.web;

import jakarta.servlet.ServletContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Content-Security-Policy of every response: this origin only, no framing, no plugins, forms and base to this
 * origin. Scripts still need 'unsafe-inline' and 'unsafe-eval' for Vaadin Flow's bootstrap and client; with
 * thaw.security.strict-csp=true they run only from this origin or with a per-page nonce, which needs the pre-built
 * function map not yet shipped (docs/security.md, Known and left). Styles keep 'unsafe-inline': Vaadin components
 * set style attributes.
 */
@Component
public class ContentSecurityPolicy {

    private static final String COMMON = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
            + "manifest-src 'self'; frame-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";

    static final String VAADIN = "script-src 'self' 'unsafe-inline' 'unsafe-eval'; " + COMMON;

    private final Boolean forced;

    ContentSecurityPolicy(@Value("${thaw.security.strict-csp:#{null}}") Boolean forced) {
        this.forced = forced;
    }

    /** The policy for a response; a bootstrap page passes its nonce, everything else null. */
    public String policy(ServletContext servletContext, String nonce) {
        if (!isStrict(servletContext)) {
            return VAADIN;
        }
        return "script-src 'self'" + (nonce == null ? "" : " 'nonce-" + nonce + "'") + "; " + COMMON;
    }

    public boolean isStrict(ServletContext servletContext) {
        return Boolean.TRUE.equals(forced);
    }
}
