package app.thaw.security;

/**
 * What the enrolment page shows once: the secret as a QR code (a data: URI), as an {@code otpauth://} link for an
 * authenticator app on the same phone (the QR code's own content), and as text to type in by hand.
 */
public record Enrolment(String secret, String qrCodeDataUri, String appLink) {

    /** The secret in groups of four, as authenticator apps ask for it. */
    public String groupedSecret() {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    @Override
    public String toString() {
        return "Enrolment[secret hidden]";
    }
}
