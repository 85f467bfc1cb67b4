package app.thaw.base.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final String NOTE = "case_note.body";
    private final byte[] k1 = FieldCipher.newKey();
    private final byte[] k2 = FieldCipher.newKey();
    private final FieldCipher cipher = FieldCipher.of(Map.of("k1", k1), "k1");

    @Test
    void aValueComesBackExactlyAndIsStoredWithItsKeyId() {
        String stored = cipher.encrypt("I can't cry anymore", NOTE);

        assertThat(stored).startsWith("enc:v1:k1:").doesNotContain("cry");
        assertThat(stored.substring("enc:v1:k1:".length())).matches("[A-Za-z0-9_-]+");
        assertThat(cipher.decrypt(stored, NOTE)).isEqualTo("I can't cry anymore");
    }

    @Test
    void theSameTextEncryptsDifferentlyEachTimeBecauseEveryValueHasItsOwnIv() {
        assertThat(cipher.encrypt("same", NOTE)).isNotEqualTo(cipher.encrypt("same", NOTE));
    }

    @Test
    void everyFlippedBitIsDetectedAndNeverYieldsText() {
        String stored = cipher.encrypt("numb since the baby", NOTE);
        String prefix = "enc:v1:k1:";
        byte[] sealed = Base64.getUrlDecoder().decode(stored.substring(prefix.length()));
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] tampered = sealed.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            String altered = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            assertThatThrownBy(() -> cipher.decrypt(altered, NOTE))
                    .isInstanceOf(FieldCipherException.class)
                    .hasMessageNotContaining("numb");
        }
    }

    @Test
    void aTruncatedOrMalformedValueIsRefusedClearly() {
        String stored = cipher.encrypt("text", NOTE);

        assertThatThrownBy(() -> cipher.decrypt(stored.substring(0, stored.length() - 4), NOTE))
                .isInstanceOf(FieldCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt("enc:v1:k1:AAAA", NOTE))
                .isInstanceOf(FieldCipherException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> cipher.decrypt("enc:v1:k1:***", NOTE))
                .isInstanceOf(FieldCipherException.class).hasMessageContaining("base64url");
        assertThatThrownBy(() -> cipher.decrypt("plain words", NOTE))
                .isInstanceOf(FieldCipherException.class).hasMessageContaining("not encrypted");
    }

    @Test
    void aValueCopiedIntoAnotherColumnDoesNotDecrypt() {
        String stored = cipher.encrypt("my partner frightens me", "referral.reason");

        assertThatThrownBy(() -> cipher.decrypt(stored, NOTE))
                .isInstanceOf(FieldCipherException.class)
                .hasMessageContaining("case_note.body").hasMessageContaining("another column");
    }

    @Test
    void aValueUnderAKeyThatIsNotConfiguredNamesTheMissingKey() {
        String stored = FieldCipher.of(Map.of("old", k2), "old").encrypt("text", NOTE);

        assertThatThrownBy(() -> cipher.decrypt(stored, NOTE))
                .isInstanceOf(FieldCipherException.class).hasMessageContaining("'old'")
                .hasMessageContaining("thaw.crypto.keys.old");
    }

    @Test
    void aValueWithTheRightKeyIdButAnotherKeyFailsItsIntegrityCheck() {
        String stored = FieldCipher.of(Map.of("k1", k2), "k1").encrypt("text", NOTE);

        assertThatThrownBy(() -> cipher.decrypt(stored, NOTE)).isInstanceOf(FieldCipherException.class);
    }

    @Test
    void rotationReadsOldValuesAndReencryptsThemUnderTheNewKey() {
        String underK1 = cipher.encrypt("before rotation", NOTE);
        FieldCipher rotated = FieldCipher.of(Map.of("k1", k1, "k2", k2), "k2");

        assertThat(rotated.isCurrent(underK1)).isFalse();
        String underK2 = rotated.reencrypt(underK1, NOTE);

        assertThat(underK2).startsWith("enc:v1:k2:");
        assertThat(rotated.isCurrent(underK2)).isTrue();
        assertThat(rotated.reencrypt(underK2, NOTE)).isSameAs(underK2);
        assertThat(FieldCipher.of(Map.of("k2", k2), "k2").decrypt(underK2, NOTE)).isEqualTo("before rotation");
        assertThat(rotated.reencrypt("legacy plain text", NOTE)).startsWith("enc:v1:k2:");
        assertThat(rotated.decrypt(rotated.reencrypt("legacy plain text", NOTE), NOTE)).isEqualTo("legacy plain text");
    }

    @Test
    void everyUnicodePlaneAndInvisibleCharacterSurvives() {
        String text = "Zoë 😶‍🌫️ 𝄞 \u200B\u200C\u200D\uFEFF עברית العربية 中文 \u0000 \uD83E\uDEE0 e\u0301";

        assertThat(cipher.decrypt(cipher.encrypt(text, NOTE), NOTE)).isEqualTo(text);
    }

    @Test
    void emptyAndLongestValuesRoundTripWithinTheComputedStoredLength() {
        String empty = cipher.encrypt("", NOTE);
        String longest = "😶".repeat(4000);
        String stored = cipher.encrypt(longest, NOTE);

        assertThat(cipher.decrypt(empty, NOTE)).isEmpty();
        assertThat(cipher.decrypt(stored, NOTE)).isEqualTo(longest);
        assertThat(stored.length()).isLessThanOrEqualTo(FieldCipher.maxStoredLength(4000));
        assertThat(cipher.encrypt(null, NOTE)).isNull();
        assertThat(cipher.decrypt(null, NOTE)).isNull();
    }

    @Test
    void legacyPlainTextIsReadAsItIsOnlyThroughTheTolerantRead() {
        assertThat(cipher.decryptOrLegacy("written before encryption", NOTE)).isEqualTo("written before encryption");
        assertThatThrownBy(() -> cipher.decrypt("written before encryption", NOTE))
                .isInstanceOf(FieldCipherException.class);
    }

    @Test
    void keysMustBeWellFormed() {
        assertThatThrownBy(() -> FieldCipher.of(Map.of("k1", new byte[16]), "k1"))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> FieldCipher.of(Map.of("K_1", k1), "K_1")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> FieldCipher.of(Map.of("k1", k1), "k2")).hasMessageContaining("not among");
    }
}
