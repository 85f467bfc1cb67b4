package app.thaw.review;

/** What a therapist did with a contributing factor: agreed with a suggestion, disagreed, or added/removed one. */
public enum FactorDecisionKind {
    CONFIRMED, REJECTED, ADDED, REMOVED
}
