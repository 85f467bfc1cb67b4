package app.thaw.base.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.jspecify.annotations.Nullable;

/**
 * Decides, before anything else sees a request, who sent it and over what. Forwarded headers (X-Forwarded-*,
 * Forwarded, X-Real-IP) count only when the peer is one of the named proxies; from anyone else they are ignored.
 * Either way they are removed, so no later code can read an address or host a client chose. From a trusted
 * proxy, the client is the right-most address in the chain that is not itself a trusted proxy.
 */
class ForwardedHeadersValve extends ValveBase {

    static final List<String> FORWARDING_HEADERS = List.of("forwarded", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-ssl", "x-forwarded-server",
            "x-real-ip", "x-client-ip", "true-client-ip", "front-end-https");

    /** Which header a trusted proxy writes: its own, the other kind may be a client's and is dropped. */
    enum Style { X_FORWARDED, FORWARDED }

    private record Hop(@Nullable String client, @Nullable String proto, @Nullable String host, @Nullable Integer port) {
    }

    private final TrustedProxies proxies;
    private final Style style;

    ForwardedHeadersValve(TrustedProxies proxies, Style style) {
        super(true);
        this.proxies = proxies;
        this.style = style;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        Hop hop = proxies.contains(request.getRemoteAddr()) ? read(request) : null;
        for (String name : FORWARDING_HEADERS) {
            request.getCoyoteRequest().getMimeHeaders().removeHeader(name);
        }
        if (hop == null) {
            getNext().invoke(request, response);
            return;
        }
        String remoteAddr = request.getRemoteAddr();
        String remoteHost = request.getRemoteHost();
        boolean secure = request.isSecure();
        String scheme = request.getScheme();
        int serverPort = request.getServerPort();
        String serverName = request.getServerName();
        try {
            if (hop.client() != null) {
                request.setRemoteAddr(hop.client());
                request.setRemoteHost(hop.client());
            }
            if (hop.proto() != null) {
                boolean https = hop.proto().equals("https");
                request.setSecure(https);
                request.getCoyoteRequest().scheme().setString(https ? "https" : "http");
                request.setServerPort(hop.port() != null ? hop.port() : https ? 443 : 80);
            } else if (hop.port() != null) {
                request.setServerPort(hop.port());
            }
            if (hop.host() != null) {
                request.getCoyoteRequest().serverName().setString(hop.host());
            }
            getNext().invoke(request, response);
        } finally {
            request.setRemoteAddr(remoteAddr);
            request.setRemoteHost(remoteHost);
            request.setSecure(secure);
            request.getCoyoteRequest().scheme().setString(scheme);
            request.setServerPort(serverPort);
            request.getCoyoteRequest().serverName().setString(serverName);
        }
    }

    private Hop read(Request request) {
        return style == Style.FORWARDED ? readForwarded(request) : readXForwarded(request);
    }

    private Hop readXForwarded(Request request) {
        String client = client(values(request, "x-forwarded-for"));
        String proto = proto(last(values(request, "x-forwarded-proto")));
        String host = host(last(values(request, "x-forwarded-host")));
        Integer port = port(last(values(request, "x-forwarded-port")));
        return new Hop(client, proto, host, port);
    }

    /** RFC 7239: "for=192.0.2.60;proto=https;host=thaw.example, for=10.0.0.2". */
    private Hop readForwarded(Request request) {
        List<String> fors = new ArrayList<>();
        String proto = null;
        String host = null;
        for (String element : values(request, "forwarded")) {
            String elementFor = null;
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = unquote(pair.substring(eq + 1).strip());
                switch (key) {
                    case "for" -> elementFor = forAddress(value);
                    case "proto" -> proto = value;
                    case "host" -> host = value;
                    default -> { }
                }
            }
            fors.add(elementFor);
        }
        return new Hop(client(fors), proto(proto), host(host), null);
    }

    /** Walks the chain from the nearest hop: the first address that is not a trusted proxy is the client. */
    private @Nullable String client(List<String> chain) {
        for (String address : chain.reversed()) {
            String literal = address == null ? null : TrustedProxies.normalise(address);
            if (literal == null) {
                return null;
            }
            if (!proxies.contains(literal)) {
                return literal;
            }
        }
        return null;
    }

    private static List<String> values(Request request, String name) {
        List<String> values = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(name))) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }

    private static @Nullable String last(List<String> values) {
        return values.isEmpty() ? null : values.getLast();
    }

    private static @Nullable String proto(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String proto = value.toLowerCase(Locale.ROOT);
        return proto.equals("https") || proto.equals("http") ? proto : null;
    }

    private static @Nullable String host(@Nullable String value) {
        if (value == null || value.isBlank() || value.length() > 255) {
            return null;
        }
        String host = value.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? null : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        host = colon < 0 ? host : host.substring(0, colon);
        return host.matches("[a-z0-9.-]+") ? host : null;
    }

    private static @Nullable Integer port(@Nullable String value) {
        try {
            int port = value == null ? -1 : Integer.parseInt(value.strip());
            return port > 0 && port < 65536 ? port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String forAddress(String value) {
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? null : value.substring(1, end);
        }
        int colon = value.indexOf(':');
        return colon >= 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
