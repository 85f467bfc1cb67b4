package app.thaw.intake;

import org.jspecify.annotations.Nullable;

/**
 * How a client is named in the diary and addressed in its emails: one row, no answers read or decrypted.
 * {@code email} is null when the client said email isn't safe for them.
 */
public record ClientName(long intakeId, String reference, String fullName, @Nullable String preferredName,
                         @Nullable String email) {

    /** The name the client asked to be called, for emails. */
    public String callName() {
        return callName(preferredName, fullName);
    }

    static String callName(@Nullable String preferredName, String fullName) {
        return preferredName != null && !preferredName.isBlank() ? preferredName
                : fullName.contains(" ") ? fullName.substring(0, fullName.indexOf(' ')) : fullName;
    }
}
