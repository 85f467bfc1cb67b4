package app.thaw.review;

import java.time.Instant;

/**
 * One referral decision on an intake as other systems receive it (the FHIR ServiceRequest): the latest one stands,
 * earlier ones were replaced. Clinical content: the reason is the therapist's words.
 */
public record ReferralRecord(long id, ReferralKind kind, String reason, String decidedBy, Instant decidedAt) {
}
