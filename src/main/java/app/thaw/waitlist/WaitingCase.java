package app.thaw.waitlist;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import app.thaw.scheduling.SessionFormat;

/**
 * A case on the waiting list as staff see it: names, references, service, format, urgency, stated availability and
 * its offer, nothing clinical (practice managers see it too).
 *
 * @param format        the format the client asked for; null for either
 * @param preferredTherapistName the therapist the client waits for, by name; null for anyone
 * @param offerState    the latest offer's state (OPEN, BOOKED, EXPIRED, WITHDRAWN, TAKEN), or null when none was made
 */
public record WaitingCase(long intakeId, String reference, String clients, ServiceType service,
                          @Nullable SessionFormat format, boolean urgent, Instant addedAt, Duration waited,
                          String availability, @Nullable String offerState, @Nullable Instant offerExpiresAt,
                          @Nullable Long preferredTherapistId, @Nullable String preferredTherapistName) {

    /** What the client waits for, as the list and the offer dialog say it: "Online · Dr Tom Whitfield". */
    public String waitsFor() {
        return waitsFor(format, preferredTherapistName);
    }

    /** What a case waiting for this format (null: either) and therapist (null: anyone) waits for, in words. */
    public static String waitsFor(@Nullable SessionFormat format, @Nullable String therapistName) {
        return (format == null ? "Either" : format.label()) + " · " + (therapistName == null ? "anyone" : therapistName);
    }

    public String offerLabel() {
        if (offerState == null) {
            return "Not offered yet";
        }
        return switch (offerState) {
            case "OPEN" -> "Offered, waiting for the client";
            case "EXPIRED" -> "Offer lapsed: nobody chose";
            case "WITHDRAWN" -> "Offer withdrawn";
            case "TAKEN" -> "Offered time taken by another case";
            default -> "Booked";
        };
    }
}
