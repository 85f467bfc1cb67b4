package app.thaw.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import com.microsoft.playwright.Page;

/**
 * Accessibility checks with axe-core, fetched from the npm registry without npm or Maven: the tarball is
 * downloaded once, checked against the registry's SHA-512 integrity, and {@code package/axe.min.js} is
 * cached in {@code ~/.cache/thaw}. {@link #check} fails on every serious or critical WCAG 2.2 A/AA violation.
 */
final class AxeCore {

    static final String VERSION = "4.14.1";
    private static final URI TARBALL = URI.create("https://registry.npmjs.org/axe-core/-/axe-core-" + VERSION + ".tgz");
    private static final String INTEGRITY =
            "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==";
    private static final String ENTRY = "package/axe.min.js";
    private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "thaw",
            "axe-core-" + VERSION + ".min.js");

    private static final String RUN = """
            async () => {
              // a notification still fading in has half its colours; judge the page once finite animations end
              const finite = document.getAnimations()
                .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
              await Promise.race([
                Promise.all(finite.map(a => a.finished.catch(() => null))),
                new Promise(done => setTimeout(done, 3000))
              ]);
              const results = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
              });
              return results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({
                  id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                  targets: v.nodes.slice(0, 3).map(n => n.target.map(t => Array.isArray(t) ? t.join(' >> ') : t)
                    .join(' >>> ')),
                  summary: (v.nodes[0] && v.nodes[0].failureSummary || '').replace(/\\s+/g, ' ').slice(0, 300)
                }));
            }
            """;

    private static String source;

    private AxeCore() {
    }

    /** Runs axe on the page as it is now; fails listing every serious or critical violation. */
    static void check(Page page, String where) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            // evaluated by the test, not added as an inline script: the strict policy would refuse that
            page.evaluate(source());
        }
        @SuppressWarnings("unchecked")
        var violations = (List<Map<String, Object>>) page.evaluate(RUN);
        if (violations.isEmpty()) {
            return;
        }
        String report = violations.stream().map(v -> "- " + v.get("id") + " (" + v.get("impact") + ", "
                        + v.get("count") + " element(s)): " + v.get("help") + "\n    at " + v.get("targets")
                        + "\n    " + v.get("summary"))
                .collect(Collectors.joining("\n"));
        fail("axe-core " + VERSION + " found " + violations.size() + " serious or critical accessibility "
                + "problem(s) on " + where + " (" + page.url() + "):\n" + report);
    }

    /** axe.min.js from the cache, or downloaded, verified and cached on first use. */
    static synchronized String source() {
        if (source == null) {
            try {
                if (!Files.isRegularFile(CACHE) || Files.size(CACHE) == 0) {
                    byte[] script = extract(verified(download()), ENTRY);
                    Files.createDirectories(CACHE.getParent());
                    Path partial = Files.createTempFile(CACHE.getParent(), "axe-core-", ".part");
                    Files.write(partial, script);
                    Files.move(partial, CACHE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                source = Files.readString(CACHE, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not get axe-core " + VERSION + " from " + TARBALL
                        + " (cache: " + CACHE + ")", e);
            }
        }
        return source;
    }

    private static byte[] download() throws IOException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault()).connectTimeout(Duration.ofSeconds(20)).build();
        HttpRequest request = HttpRequest.newBuilder(TARBALL).timeout(Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + TARBALL);
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while downloading " + TARBALL, e);
        }
    }

    private static byte[] verified(byte[] tarball) {
        try {
            String actual = "sha512-" + Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-512").digest(tarball));
            if (!actual.equals(INTEGRITY)) {
                throw new IllegalStateException("axe-core " + VERSION + " from " + TARBALL + " failed its integrity "
                        + "check: expected " + INTEGRITY + " but got " + actual + ". Not using it.");
            }
            return tarball;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One file from a .tgz: 512-byte headers (name 0–99, octal size 124–135, ustar prefix 345–499). */
    private static byte[] extract(byte[] tgz, String wanted) throws IOException {
        try (InputStream tar = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
            while (true) {
                byte[] header = tar.readNBytes(512);
                if (header.length < 512 || header[0] == 0) {
                    throw new IOException(wanted + " not found in " + TARBALL);
                }
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty() && field(header, 257, 6).startsWith("ustar")) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                if (name.equals(wanted) && (type == '0' || type == 0)) {
                    return tar.readNBytes((int) size);
                }
                tar.skipNBytes((size + 511) / 512 * 512);
            }
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
