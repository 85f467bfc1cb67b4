package app.thaw.base.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys from configuration: {@code thaw.crypto.keys.<id>} (base64 of 32 random bytes) and
 * {@code thaw.crypto.active-key}; as environment variables THAW_CRYPTO_KEYS_&lt;ID&gt; and THAW_CRYPTO_ACTIVE_KEY.
 */
@ConfigurationProperties("thaw.crypto")
public record EncryptionKeys(@Nullable Map<String, String> keys, @Nullable String activeKey,
                             @Nullable String devKeyFile) {

    static final String MISSING = """
            No encryption key is configured, so Thaw will not start: free-text clinical content is encrypted \
            at rest. Set THAW_CRYPTO_KEYS_<ID> to base64 of 32 random bytes (`openssl rand -base64 32`) and \
            THAW_CRYPTO_ACTIVE_KEY=<id> (the id in lower case, letters and digits), e.g. \
            THAW_CRYPTO_KEYS_K2026=... THAW_CRYPTO_ACTIVE_KEY=k2026. Keep the key outside the database and its \
            backups; losing it loses the encrypted text.""";

    public boolean isConfigured() {
        return keys != null && !keys.isEmpty();
    }

    /** The key ring these settings describe; a clear message when they are incomplete or malformed. */
    public FieldCipher toCipher() {
        if (!isConfigured()) {
            throw new MissingEncryptionKeyException(MISSING);
        }
        Map<String, String> keys = Objects.requireNonNull(this.keys, "isConfigured() saw keys");
        String active = activeKey;
        if (active == null || active.isBlank()) {
            if (keys.size() != 1) {
                throw new MissingEncryptionKeyException("Several encryption keys are configured " + keys.keySet()
                        + ": set THAW_CRYPTO_ACTIVE_KEY to the one new values should use.");
            }
            active = keys.keySet().iterator().next();
        }
        var decoded = new LinkedHashMap<String, byte[]>();
        keys.forEach((id, base64) -> {
            try {
                decoded.put(id, java.util.Base64.getDecoder().decode(base64.strip()));
            } catch (IllegalArgumentException e) {
                throw new MissingEncryptionKeyException("Encryption key '" + id + "' is not valid base64.");
            }
        });
        try {
            return FieldCipher.of(decoded, active.strip());
        } catch (IllegalArgumentException e) {
            throw new MissingEncryptionKeyException(e.getMessage());
        }
    }

    /** Encryption is not optional: the application refuses to start without a usable key. */
    public static class MissingEncryptionKeyException extends IllegalStateException {

        public MissingEncryptionKeyException(@Nullable String message) {
            super(message);
        }
    }
}
