package app.thaw.base.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The application's key ring. Production takes its keys from configuration and refuses to start without
 * one; dev generates a key once into .thaw-data/ (git-ignored), tests generate one per run.
 */
@Configuration(proxyBeanMethods = false)
class FieldCipherConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FieldCipherConfiguration.class);

    @Bean
    FieldCipher fieldCipher(EncryptionKeys configured, Environment environment) {
        if (configured.isConfigured()) {
            return configured.toCipher();
        }
        if (environment.matchesProfiles("test")) {
            return FieldCipher.of(Map.of("test", FieldCipher.newKey()), "test");
        }
        if (environment.matchesProfiles("dev")) {
            return devKey(Path.of(configured.devKeyFile() == null ? ".thaw-data/encryption-key.properties"
                    : configured.devKeyFile()));
        }
        return configured.toCipher();
    }

    /** A key made on the first dev run and kept beside the dev database (delete both together). */
    private static FieldCipher devKey(Path file) {
        try {
            var stored = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    stored.load(in);
                }
            } else {
                // a random id, so a dev database kept without its key says so instead of failing obscurely
                String id = "dev" + HexFormat.of().formatHex(FieldCipher.newKey(), 0, 3);
                stored.setProperty("keys." + id, Base64.getEncoder().encodeToString(FieldCipher.newKey()));
                stored.setProperty("active-key", id);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the file stays as private as the user's profile
                }
                try (Writer out = Files.newBufferedWriter(file)) {
                    stored.store(out, "Thaw dev encryption key: never commit, delete only together with .thaw-data/postgres");
                }
                log.info("Generated a dev encryption key in {}", file.toAbsolutePath());
            }
            var keys = new java.util.LinkedHashMap<String, String>();
            stored.stringPropertyNames().stream().filter(name -> name.startsWith("keys."))
                    .forEach(name -> keys.put(name.substring("keys.".length()), stored.getProperty(name)));
            return new EncryptionKeys(keys, stored.getProperty("active-key"), null).toCipher();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the dev encryption key " + file, e);
        }
    }
}
