package app.thaw.base.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Unguessable capability links (resume, status, partner invitation): 256 random bits in the URL,
 * only a SHA-256 of them in the database, so a copy of the database opens nothing.
 */
public final class SecretToken {

    /** Base64url of 32 bytes, without padding. */
    public static final int LENGTH = 43;
    public static final int HASH_LENGTH = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretToken() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a string could be a token at all: checked before any database lookup. */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && candidate.length() == LENGTH
                && candidate.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }

    public static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
