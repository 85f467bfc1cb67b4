package app.thaw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TotpCodesTest {

    /** RFC 6238 appendix B's SHA-1 key "12345678901234567890", in base32 as authenticator apps take it. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final Instant NOW = Instant.parse("2026-03-02T09:15:10Z");
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Test
    void codesMatchTheRfcTestVectorsCutToSixDigits() {
        assertThat(TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }

    @Test
    void aCodeFromOneStepBeforeOrAfterIsAcceptedButNotTwo() {
        long now = TotpCodes.step(NOW);

        assertThat(TotpCodes.matchingStep(SECRET, code(now), NOW, null)).hasValue(now);
        assertThat(TotpCodes.matchingStep(SECRET, code(now - 1), NOW, null)).hasValue(now - 1);
        assertThat(TotpCodes.matchingStep(SECRET, code(now + 1), NOW, null)).hasValue(now + 1);
        assertThat(TotpCodes.matchingStep(SECRET, code(now - 2), NOW, null)).isEmpty();
        assertThat(TotpCodes.matchingStep(SECRET, code(now + 2), NOW, null)).isEmpty();
    }

    @Test
    void aCodeAtOrBeforeTheLastUsedStepIsAReplay() {
        long now = TotpCodes.step(NOW);

        assertThat(TotpCodes.matchingStep(SECRET, code(now), NOW, now)).isEmpty();
        assertThat(TotpCodes.matchingStep(SECRET, code(now - 1), NOW, now)).isEmpty();
        assertThat(TotpCodes.matchingStep(SECRET, code(now - 1), NOW, now - 2)).hasValue(now - 1);
        assertThat(TotpCodes.matchingStep(SECRET, code(now + 1), NOW, now)).hasValue(now + 1);
    }

    @Test
    void anythingButSixDigitsIsRefusedUnread() {
        assertThat(TotpCodes.matchingStep(SECRET, "12345", NOW, null)).isEmpty();
        assertThat(TotpCodes.matchingStep(SECRET, "1234567", NOW, null)).isEmpty();
        assertThat(TotpCodes.matchingStep(SECRET, "12a456", NOW, null)).isEmpty();
        assertThat(TotpCodes.matchingStep(SECRET, "", NOW, null)).isEmpty();
    }

    @Test
    void newSecretsAreLongRandomBase32() {
        String one = TotpCodes.newSecret();

        assertThat(one).hasSize(32).matches("[A-Z2-7]+");
        assertThat(TotpCodes.newSecret()).isNotEqualTo(one);
    }

    private static String code(long step) {
        return TotpCodes.codeForStep(SECRET, step);
    }
}
