package app.thaw.intake;

import java.security.SecureRandom;

import app.thaw.base.ids.CaseReference;

/** Short references a client can read out on the phone: no I, L, O or U to mistake for 1, 0 or V. */
final class ReferenceCodes {

    static final String ALPHABET = CaseReference.ALPHABET;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReferenceCodes() {
    }

    static String next() {
        var code = new StringBuilder(CaseReference.PREFIX);
        for (int i = 0; i < 6; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
