package app.thaw.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Ten one-use codes for a lost phone: 16 base32 characters each (80 random bits), shown as four groups of four.
 * With that much randomness a plain SHA-256 is enough to store them (nobody can search 2^80 codes), and
 * a sign-in finds its code by hash instead of trying ten slow password hashes.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    static final int LENGTH = 16;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    static List<String> generate() {
        var codes = new ArrayList<String>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            var code = new StringBuilder(LENGTH + 3);
            for (int c = 0; c < LENGTH; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
            codes.add(code.toString());
        }
        return List.copyOf(codes);
    }

    /** Accepts what people type: any case, with or without the dashes and spaces. */
    static Optional<String> normalise(String typed) {
        String bare = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (bare.length() != LENGTH || !bare.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
            return Optional.empty();
        }
        return Optional.of(bare);
    }

    static String hash(String normalised) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
