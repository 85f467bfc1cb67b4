package app.thaw.base.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Production refuses to start without a usable key, and says what to set. */
class EncryptionKeysTest {

    private static final String K1 = Base64.getEncoder().encodeToString(FieldCipher.newKey());
    private static final String K2 = Base64.getEncoder().encodeToString(FieldCipher.newKey());

    @Test
    void noKeyAtAllIsRefusedWithTheVariablesToSet() {
        assertThatThrownBy(() -> new EncryptionKeys(null, null, null).toCipher())
                .isInstanceOf(EncryptionKeys.MissingEncryptionKeyException.class)
                .hasMessageContaining("THAW_CRYPTO_KEYS_").hasMessageContaining("THAW_CRYPTO_ACTIVE_KEY");
    }

    @Test
    void oneKeyIsActiveWithoutSayingSoSeveralNeedTheActiveOneNamed() {
        assertThat(new EncryptionKeys(Map.of("k1", K1), null, null).toCipher().activeKeyId()).isEqualTo("k1");
        assertThatThrownBy(() -> new EncryptionKeys(Map.of("k1", K1, "k2", K2), null, null).toCipher())
                .hasMessageContaining("THAW_CRYPTO_ACTIVE_KEY");
        assertThat(new EncryptionKeys(Map.of("k1", K1, "k2", K2), "k2", null).toCipher().activeKeyId())
                .isEqualTo("k2");
    }

    @Test
    void aMalformedKeyIsRefusedByName() {
        assertThatThrownBy(() -> new EncryptionKeys(Map.of("k1", "not base64!"), "k1", null).toCipher())
                .isInstanceOf(EncryptionKeys.MissingEncryptionKeyException.class).hasMessageContaining("'k1'");
        assertThatThrownBy(() -> new EncryptionKeys(Map.of("k1", "c2hvcnQ="), "k1", null).toCipher())
                .hasMessageContaining("32 bytes");
    }
}
