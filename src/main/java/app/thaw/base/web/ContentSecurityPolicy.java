package app.thaw.base.web;

import jakarta.servlet.ServletContext;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Content-Security-Policy of every response. In Vaadin's production mode (or with thaw.security.strict-csp)
 * scripts run only from this origin or with the per-page nonce: no 'unsafe-inline', no 'unsafe-eval' (the Flow
 * client's generated functions come from {@code csp/flow-functions.js}, see docs/security.md). Dev mode keeps
 * both for Vaadin's development tools. Styles keep 'unsafe-inline': Vaadin components set style attributes.
 */
@Component
public class ContentSecurityPolicy {

    private static final String COMMON = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
            + "manifest-src 'self'; frame-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";

    static final String DEVELOPMENT = "script-src 'self' 'unsafe-inline' 'unsafe-eval'; " + COMMON;

    private final Boolean forced;
    private volatile Boolean strict;

    ContentSecurityPolicy(@Value("${thaw.security.strict-csp:#{null}}") Boolean forced) {
        this.forced = forced;
    }

    /** The policy for a response; a bootstrap page passes its nonce, everything else null. */
    public String policy(ServletContext servletContext, String nonce) {
        if (!isStrict(servletContext)) {
            return DEVELOPMENT;
        }
        return "script-src 'self'" + (nonce == null ? "" : " 'nonce-" + nonce + "'") + "; " + COMMON;
    }

    public boolean isStrict(ServletContext servletContext) {
        if (forced != null) {
            return forced;
        }
        Boolean known = strict;
        if (known != null) {
            return known;
        }
        try {
            known = ApplicationConfiguration.get(new VaadinServletContext(servletContext)).isProductionMode();
            strict = known;
            return known;
        } catch (RuntimeException notYetInitialised) {
            // before Vaadin has started (or outside the app's context), err on the strict side
            return true;
        }
    }
}
