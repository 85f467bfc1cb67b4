package app.thaw.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import app.thaw.base.crypto.FieldCipher;

/**
 * The encryption key of the bench database, made on first use and kept beside it (git-ignored, like the data):
 * the generator encrypts free text with it and the benchmarked application reads it back with it.
 */
public final class BenchKey {

    public static final String ID = "bench";

    private static volatile String key;

    private BenchKey() {
    }

    /** {@code thaw.crypto.*} properties giving the application this key. */
    public static String[] properties() {
        // a bench run is production-like but local: a localhost public address and the embedded database allowed
        return new String[] {"thaw.crypto.keys." + ID + "=" + key(), "thaw.crypto.active-key=" + ID,
            "thaw.public-url=http://localhost", "thaw.embedded-postgres.allowed=true"};
    }

    /** The same key as environment variables, for an application started as a separate process. */
    public static Map<String, String> environment() {
        return Map.of("THAW_CRYPTO_KEYS_" + ID.toUpperCase(java.util.Locale.ROOT), key(), "THAW_CRYPTO_ACTIVE_KEY", ID,
                "THAW_PUBLIC_URL", "http://localhost");
    }

    public static FieldCipher cipher() {
        return FieldCipher.of(Map.of(ID, Base64.getDecoder().decode(key())), ID);
    }

    private static synchronized String key() {
        if (key == null) {
            Path file = BenchContext.DATA_DIR.toAbsolutePath().getParent().resolve("bench-encryption-key.properties");
            try {
                var stored = new Properties();
                if (Files.exists(file)) {
                    try (Reader in = Files.newBufferedReader(file)) {
                        stored.load(in);
                    }
                } else {
                    stored.setProperty("key", Base64.getEncoder().encodeToString(FieldCipher.newKey()));
                    Files.createDirectories(file.getParent());
                    try (Writer out = Files.newBufferedWriter(file)) {
                        stored.store(out, "Bench data encryption key: synthetic data only, never commit");
                    }
                }
                key = stored.getProperty("key");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read or create the bench key " + file, e);
            }
        }
        return key;
    }
}
