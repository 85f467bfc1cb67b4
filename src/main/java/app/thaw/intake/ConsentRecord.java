package app.thaw.intake;

import java.time.Instant;

/**
 * What the client agreed to on the form's consent step: the privacy notice version they accepted and when
 * they ticked it, consent to be contacted, and that they are 18 or over.
 */
public record ConsentRecord(String privacyNoticeVersion, Instant acceptedAt, Instant formSentAt,
                            boolean contactConsent, boolean adultConfirmed) {
}
