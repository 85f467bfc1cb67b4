package app.thaw.security;

/** What the enrolment page shows once: the secret as a QR code (a data: URI) and as text to type in by hand. */
public record Enrolment(String secret, String qrCodeDataUri) {

    /** The secret in groups of four, as authenticator apps ask for it. */
    public String groupedSecret() {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    @Override
    public String toString() {
        return "Enrolment[secret hidden]";
    }
}
