package app.thaw.base.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;

import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes Vaadin's bootstrap page run under the strict policy: every script Vaadin writes into the page gets this
 * page's nonce, and the pre-built function map ({@code csp/flow-functions.js}) loads first, so Flow's client finds
 * the functions it would otherwise build with {@code new Function} (which the policy forbids). In development mode
 * the page keeps the development tools' policy.
 */
@Component
class StrictCspBootstrap implements VaadinServiceInitListener {

    static final String FUNCTION_MAP = "META-INF/resources/csp/flow-functions.js";

    private static final Logger log = LoggerFactory.getLogger(StrictCspBootstrap.class);
    private static final String HEADER = "Content-Security-Policy";

    private final ContentSecurityPolicy csp;

    StrictCspBootstrap(ContentSecurityPolicy csp) {
        this.csp = csp;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        boolean production = event.getSource().getDeploymentConfiguration().isProductionMode();
        if (!production) {
            if (csp.isStrict()) {
                log.info("Vaadin runs in development mode: its pages keep 'unsafe-eval' for the development tools");
            }
            event.addIndexHtmlRequestListener(page -> page.getVaadinResponse().setHeader(HEADER,
                    ContentSecurityPolicy.lenientPolicy()));
            return;
        }
        String mapUrl = "csp/flow-functions.js?v=" + version(event.getSource().getClassLoader());
        event.addIndexHtmlRequestListener(page -> harden(page, mapUrl));
    }

    void harden(IndexHtmlResponse page, String mapUrl) {
        String nonce = ContentSecurityPolicy.newNonce();
        var head = page.getDocument().head();
        for (Element script : page.getDocument().getElementsByTag("script")) {
            script.attr("nonce", nonce);
        }
        // after <base>, so the relative address resolves like Vaadin's own scripts; before every module script
        Element map = new Element("script").attr("src", mapUrl).attr("nonce", nonce);
        Element base = head.selectFirst("base");
        if (base != null) {
            base.after(map);
        } else {
            head.prependChild(map);
        }
        page.getVaadinResponse().setHeader(HEADER, csp.policy(nonce));
    }

    /** A fingerprint of the map, so a browser never keeps an old one after an upgrade. */
    static String version(ClassLoader loader) {
        try (InputStream in = (loader == null ? StrictCspBootstrap.class.getClassLoader() : loader)
                .getResourceAsStream(FUNCTION_MAP)) {
            if (in == null) {
                throw new IllegalStateException(FUNCTION_MAP + " is missing: Vaadin's client cannot run under the "
                        + "strict Content-Security-Policy without it (docs/security.md)");
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
