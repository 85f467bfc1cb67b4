package app.thaw.base.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one address clients and staff reach Thaw at (thaw.public-url), the start of every link we show or send:
 * status, resume, partner invitation, calendar feed, welcome and password links. Never taken from a request, so
 * no Host or X-Forwarded-Host header can steer a link elsewhere. Without it, dev and test runs use
 * http://localhost and their own port; production refuses to start ({@link ProductionReadiness}).
 */
@Component
public class PublicUrl {

    public static final String PROPERTY = "thaw.public-url";

    private final Environment environment;

    PublicUrl(Environment environment) {
        this.environment = environment;
    }

    /** e.g. "https://thaw.example" or "https://example.org/thaw": no trailing slash. */
    public String base() {
        String configured = configured().orElse(null);
        if (configured != null) {
            return normalise(configured);
        }
        if (Production.isProduction(environment)) {
            throw new IllegalStateException(PROPERTY + " is not set");
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    /** An absolute link to a path of the app, e.g. link("status/abc") → "https://thaw.example/status/abc". */
    public String link(String path) {
        String relative = path == null ? "" : path;
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        return base() + "/" + relative;
    }

    /** The host clients use, when one is configured: requests for any other host are refused. */
    public Optional<String> host() {
        return configured().map(url -> URI.create(normalise(url)).getHost().toLowerCase(Locale.ROOT));
    }

    private Optional<String> configured() {
        String value = environment.getProperty(PROPERTY);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * Checks and tidies a configured address: absolute http(s), a host, no user, query or fragment; https unless
     * the host is this machine. Throws IllegalArgumentException saying what is wrong.
     */
    public static String normalise(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(PROPERTY + " '" + value + "' is not an address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException(PROPERTY + " must be an absolute https address, e.g. https://thaw.example");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(PROPERTY + " must not carry a user, query or fragment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !isLocal(host)) {
            throw new IllegalArgumentException(PROPERTY + " must use https for " + host
                    + " (plain http is accepted only for localhost)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path;
    }

    private static boolean isLocal(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }
}
