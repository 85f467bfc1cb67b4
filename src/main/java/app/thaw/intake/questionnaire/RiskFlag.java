package app.thaw.intake.questionnaire;

/** A risk rule that fired; {@code description} names the answer in plain words for staff. */
public record RiskFlag(String ruleId, String description) {
}
