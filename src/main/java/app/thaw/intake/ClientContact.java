package app.thaw.intake;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How to reach a client and when they said they could come: what booking needs, nothing clinical, so
 * practice managers may see it too.
 */
public record ClientContact(long intakeId, String reference, String fullName, @Nullable String preferredName,
                            String email, String phone, RequestedType requestedType, @Nullable Long coupleCaseId,
                            List<String> availableDays, List<String> availableTimes, @Nullable String preferredFormat) {

    /** The name the client asked to be called, for emails. */
    public String callName() {
        return ClientName.callName(preferredName, fullName);
    }
}
