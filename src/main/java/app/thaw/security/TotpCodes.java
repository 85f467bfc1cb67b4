package app.thaw.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

/**
 * RFC 6238 codes as every authenticator app makes them (SHA-1, 6 digits, 30 seconds). A code from the step
 * before or after now is accepted too (a phone's clock drifts), but never one at or before the last used step.
 */
public final class TotpCodes {

    public static final int DIGITS = 6;
    public static final int PERIOD_SECONDS = 30;
    static final int DRIFT_STEPS = 1;
    /** 32 base32 characters: a 160-bit secret, as RFC 4226 recommends. */
    static final int SECRET_CHARS = 32;

    private static final DefaultCodeGenerator GENERATOR = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private static final DefaultSecretGenerator SECRETS = new DefaultSecretGenerator(SECRET_CHARS);

    private TotpCodes() {
    }

    static String newSecret() {
        return SECRETS.generate();
    }

    public static long step(Instant when) {
        return Math.floorDiv(when.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The code an authenticator shows at {@code when}; for tests and the dev-only demo hint. */
    public static String codeAt(String secret, Instant when) {
        return codeForStep(secret, step(when));
    }

    static String codeForStep(String secret, long step) {
        try {
            return GENERATOR.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Cannot compute a TOTP code", e);
        }
    }

    static boolean looksLikeCode(String typed) {
        return typed.length() == DIGITS && typed.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The step whose code this is, if it is within the drift window and newer than the last used step. */
    static OptionalLong matchingStep(String secret, String typed, Instant now, @Nullable Long lastUsedStep) {
        if (!looksLikeCode(typed)) {
            return OptionalLong.empty();
        }
        long current = step(now);
        byte[] given = typed.getBytes(StandardCharsets.US_ASCII);
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            if (lastUsedStep != null && step <= lastUsedStep) {
                continue;
            }
            if (MessageDigest.isEqual(given, codeForStep(secret, step).getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }
}
