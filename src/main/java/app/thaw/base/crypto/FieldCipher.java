package app.thaw.base.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * Encrypts one free-text value for one column with AES-256-GCM, so a copy of the database (or a backup)
 * shows no clinical text. Stored as {@code enc:v1:<key id>:<base64url(iv | ciphertext | tag)>}: the key id
 * lets old values be read while everything is re-encrypted under a new key, and the column name is the
 * associated data, so a value copied into another column refuses to decrypt. Plain Java, no Spring.
 * Thread-safe.
 */
public final class FieldCipher {

    public static final String PREFIX = "enc:v1:";
    /** Key ids survive env-var binding (THAW_CRYPTO_KEYS_&lt;ID&gt;): lower-case letters and digits. */
    public static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,16}");
    public static final int KEY_BYTES = 32;

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final String activePrefix;

    private FieldCipher(Map<String, SecretKey> keys, String activeKeyId) {
        this.keys = keys;
        this.activeKeyId = activeKeyId;
        this.activePrefix = PREFIX + activeKeyId + ":";
    }

    /** A key ring: every key that may still be found in stored values, and the one new values use. */
    public static FieldCipher of(Map<String, byte[]> keys, String activeKeyId) {
        var ring = new LinkedHashMap<String, SecretKey>();
        keys.forEach((id, bytes) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("Encryption key id '" + id
                        + "' must be 1 to 16 lower-case letters or digits");
            }
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException("Encryption key '" + id + "' must be " + KEY_BYTES
                        + " bytes (base64 of 32 random bytes, e.g. `openssl rand -base64 32`), not " + bytes.length);
            }
            ring.put(id, new SecretKeySpec(bytes, "AES"));
        });
        if (!ring.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active encryption key '" + activeKeyId
                    + "' is not among the configured keys " + ring.keySet());
        }
        return new FieldCipher(Map.copyOf(ring), activeKeyId);
    }

    /** 256 fresh random bits, for dev/test key generation and tests. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Rotation, step one: this ring plus a new key that new values (and the re-encryption pass) use. */
    public FieldCipher withNewActiveKey(String keyId, byte[] key) {
        if (keys.containsKey(keyId)) {
            throw new IllegalArgumentException("Encryption key '" + keyId + "' already exists");
        }
        var ring = new LinkedHashMap<String, byte[]>();
        keys.forEach((id, existing) -> ring.put(id, existing.getEncoded()));
        ring.put(keyId, key);
        return of(ring, keyId);
    }

    /** The same keys with another of them active. */
    public FieldCipher withActiveKey(String keyId) {
        var ring = new LinkedHashMap<String, byte[]>();
        keys.forEach((id, existing) -> ring.put(id, existing.getEncoded()));
        return of(ring, keyId);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** What every value encrypted under the active key starts with (only [a-z0-9:] characters). */
    public String activePrefix() {
        return activePrefix;
    }

    /** Encrypts under the active key for the given column; null stays null (nothing to hide). */
    @Contract("!null, _ -> !null")
    public @Nullable String encrypt(@Nullable String plaintext, String column) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(activeKeyId, column));
            byte[] plain = plaintext.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[IV_BYTES + cipher.getOutputSize(plain.length)];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            cipher.doFinal(plain, 0, plain.length, out, IV_BYTES);
            return activePrefix + ENCODER.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * Decrypts a value written by {@link #encrypt} for the same column. A changed bit, another column's
     * value, an unknown key id or a malformed value throws {@link FieldCipherException}: never garbage.
     */
    @Contract("!null, _ -> !null")
    public @Nullable String decrypt(@Nullable String stored, String column) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new FieldCipherException("A value in " + column + " is not encrypted");
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new FieldCipherException("A value in " + column + " has no key id");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new FieldCipherException("A value in " + column + " is encrypted under key '" + keyId
                    + "', which is not configured (thaw.crypto.keys." + keyId + ")");
        }
        byte[] sealed;
        try {
            sealed = DECODER.decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new FieldCipherException("A value in " + column + " is not valid base64url");
        }
        if (sealed.length < IV_BYTES + TAG_BYTES) {
            throw new FieldCipherException("A value in " + column + " is too short to be a ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(associatedData(keyId, column));
            byte[] plain = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plain)).toString();
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new FieldCipherException("A value in " + column
                    + " fails its integrity check: altered, or copied from another column");
        } catch (CharacterCodingException e) {
            throw new FieldCipherException("A value in " + column + " does not decrypt to text");
        } catch (GeneralSecurityException e) {
            throw new FieldCipherException("A value in " + column + " cannot be decrypted: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Like {@link #decrypt}, but a value without the {@code enc:} prefix is returned as it is: plain text
     * written before encryption existed, until the start-up pass re-encrypts it.
     */
    @Contract("!null, _ -> !null")
    public @Nullable String decryptOrLegacy(@Nullable String stored, String column) {
        return isEncrypted(stored) ? decrypt(stored, column) : stored;
    }

    public static boolean isEncrypted(@Nullable String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether a stored value is already encrypted under the active key (nothing to re-encrypt). */
    public boolean isCurrent(@Nullable String stored) {
        return stored == null || stored.startsWith(activePrefix);
    }

    /** Decrypts with whichever configured key wrote the value and encrypts again under the active key. */
    @Contract("!null, _ -> !null")
    public @Nullable String reencrypt(@Nullable String stored, String column) {
        return isCurrent(stored) ? stored : encrypt(decryptOrLegacy(stored, column), column);
    }

    /** The longest stored form of a value of at most this many code points (4 UTF-8 bytes each). */
    public static int maxStoredLength(int maxCodePoints) {
        int sealedBytes = IV_BYTES + 4 * maxCodePoints + TAG_BYTES;
        return PREFIX.length() + 16 + 1 + (sealedBytes * 4 + 2) / 3;
    }

    /** Binds a value to its format version, key id and column. */
    private static byte[] associatedData(String keyId, String column) {
        return (PREFIX + keyId + ":" + column).getBytes(StandardCharsets.UTF_8);
    }
}
