package app.thaw.security;

/** The answer to a typed second-factor code. */
public record Verification(boolean accepted, boolean usedRecoveryCode, int recoveryCodesLeft) {

    static Verification refused() {
        return new Verification(false, false, 0);
    }
}
