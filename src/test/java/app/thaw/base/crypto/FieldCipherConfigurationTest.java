package app.thaw.base.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Where the key comes from in each environment, on a tiny context of its own (not the shared test one). */
class FieldCipherConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EncryptionKeys.class)
    @Import(FieldCipherConfiguration.class)
    static class Keys {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Keys.class);

    @Test
    void withoutAKeyOutsideDevAndTestTheApplicationDoesNotStart() {
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().isInstanceOf(EncryptionKeys.MissingEncryptionKeyException.class)
                .hasMessageContaining("THAW_CRYPTO_KEYS_"));
    }

    @Test
    void configuredKeysWinInEveryProfile() {
        String key = java.util.Base64.getEncoder().encodeToString(FieldCipher.newKey());
        runner.withPropertyValues("spring.profiles.active=dev", "thaw.crypto.keys.prod1=" + key,
                        "thaw.crypto.active-key=prod1")
                .run(context -> assertThat(context.getBean(FieldCipher.class).activeKeyId()).isEqualTo("prod1"));
    }

    @Test
    void devGeneratesAPrivateKeyFileOnceAndKeepsUsingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("thaw-data/encryption-key.properties");
        var dev = runner.withPropertyValues("spring.profiles.active=dev", "thaw.crypto.dev-key-file=" + file);
        String[] stored = new String[1];

        dev.run(context -> stored[0] = context.getBean(FieldCipher.class).encrypt("kept", "t.c"));
        dev.run(context -> assertThat(context.getBean(FieldCipher.class).decrypt(stored[0], "t.c")).isEqualTo("kept"));

        assertThat(Files.readString(file)).contains("active-key=dev");
        assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }

    @Test
    void testsGenerateAFreshKeyPerRun() {
        runner.withPropertyValues("spring.profiles.active=test")
                .run(context -> assertThat(context.getBean(FieldCipher.class).activeKeyId()).isEqualTo("test"));
    }
}
