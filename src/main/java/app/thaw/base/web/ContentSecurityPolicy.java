package app.thaw.base.web;

import java.security.SecureRandom;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Content-Security-Policy of every response: this origin only, no framing, no plugins, forms and base to this
 * origin. Strict (thaw.security.strict-csp, on in production): scripts only from this origin or with the bootstrap
 * page's nonce, never eval; Vaadin Flow's client gets its functions from the pre-built map instead
 * ({@link StrictCspBootstrap}, docs/security.md). Otherwise (dev mode) 'unsafe-inline' and 'unsafe-eval' for Vaadin's
 * development tools. Styles keep 'unsafe-inline': Vaadin components set style attributes, which cannot carry a nonce.
 */
@Component
public class ContentSecurityPolicy {

    private static final String COMMON = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
            + "manifest-src 'self'; frame-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";

    static final String VAADIN = "script-src 'self' 'unsafe-inline' 'unsafe-eval'; " + COMMON;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean strict;

    ContentSecurityPolicy(@Value("${thaw.security.strict-csp:true}") boolean strict) {
        this.strict = strict;
    }

    /** The policy for a response; a bootstrap page passes its nonce, everything else null. */
    public String policy(@Nullable String nonce) {
        if (!strict) {
            return VAADIN;
        }
        return strictPolicy(nonce);
    }

    /** The development tools' policy, for a bootstrap page Vaadin serves in development mode. */
    static String lenientPolicy() {
        return VAADIN;
    }

    static String strictPolicy(@Nullable String nonce) {
        return "script-src 'self'" + (nonce == null ? "" : " 'nonce-" + nonce + "'") + "; " + COMMON;
    }

    public boolean isStrict() {
        return strict;
    }

    /** 128 random bits, fresh for every bootstrap page. */
    static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
