package app.thaw.base.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The peers whose forwarded headers count (thaw.proxy.trusted): addresses or CIDR ranges, IPv4 or IPv6. Only
 * literals are accepted, never host names, so trust never depends on a DNS answer.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;
    private final List<String> written;

    private TrustedProxies(List<Range> ranges, List<String> written) {
        this.ranges = ranges;
        this.written = written;
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of(), List.of());
    }

    /** Parses "10.0.0.5", "172.28.0.0/16", "::1", "fd00::/8"; anything else is refused with its text. */
    public static TrustedProxies parse(Collection<String> entries) {
        var ranges = new ArrayList<Range>();
        var written = new ArrayList<String>();
        for (String raw : entries) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String entry = raw.strip();
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] bytes = literal(address);
            if (bytes == null) {
                throw new IllegalArgumentException("thaw.proxy.trusted: '" + entry
                        + "' is not an IP address or CIDR range (host names are not accepted)");
            }
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("thaw.proxy.trusted: '" + entry + "' has no valid prefix length");
                }
            }
            ranges.add(new Range(bytes, prefix));
            written.add(entry);
        }
        return new TrustedProxies(List.copyOf(ranges), List.copyOf(written));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether the peer at this address (as Tomcat reports it) is one of the named proxies. */
    public boolean contains(String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        byte[] bytes = literal(address.strip());
        if (bytes == null) {
            return false;
        }
        if (bytes.length == 16 && isMappedIpv4(bytes)) {
            byte[] v4 = new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
            if (ranges.stream().anyMatch(range -> range.contains(v4))) {
                return true;
            }
        }
        return ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    /** The address as a normalised literal, or null when it is not one (never a DNS look-up). */
    static @Nullable String normalise(@Nullable String address) {
        byte[] bytes = address == null ? null : literal(address.strip());
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte @Nullable [] literal(String text) {
        String address = text;
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (IPV4.matcher(address).matches()) {
            byte[] bytes = new byte[4];
            String[] parts = address.split("\\.");
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return null;
                }
                bytes[i] = (byte) part;
            }
            return bytes;
        }
        if (address.length() <= 45 && IPV6.matcher(address).matches()) {
            try {
                // a literal with a colon is parsed, never resolved
                byte[] bytes = InetAddress.getByName("[" + address + "]").getAddress();
                return bytes;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    @Override
    public String toString() {
        return written.isEmpty() ? "none" : String.join(", ", written);
    }
}
