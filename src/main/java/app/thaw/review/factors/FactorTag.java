package app.thaw.review.factors;

/**
 * A contributing factor a therapist can tag an intake with, e.g. "anxiety".
 *
 * @param description what the tag means, shown to therapists next to a suggestion
 */
public record FactorTag(String id, String label, String description) {
}
