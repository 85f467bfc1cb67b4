package app.thaw.intake;

import org.jspecify.annotations.Nullable;

/**
 * How a client is named in the diary and addressed in its emails: one row, no answers read or decrypted.
 * {@code email} is null when the client said email isn't safe for them.
 */
public record ClientName(long intakeId, String reference, String fullName, @Nullable String preferredName,
                         @Nullable String email) {

    /** What the diary shows where the policy withholds a client's name from the person asking. */
    public static ClientName withheld(long intakeId) {
        return new ClientName(intakeId, "—", "a client", null, "");
    }

    /** By the reference, never a real one: a client who said email isn't safe has no address either. */
    public boolean isWithheld() {
        return "—".equals(reference);
    }

    /** The name the client asked to be called, for emails. */
    public String callName() {
        return callName(preferredName, fullName);
    }

    static String callName(@Nullable String preferredName, String fullName) {
        return preferredName != null && !preferredName.isBlank() ? preferredName
                : fullName.contains(" ") ? fullName.substring(0, fullName.indexOf(' ')) : fullName;
    }
}
