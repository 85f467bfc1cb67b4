package app.thaw.intake.questionnaire;

import java.util.List;

/**
 * An answer that must put crisis resources in front of the client and flag the intake as urgent.
 *
 * @param description plain words naming the answer, shown to staff, e.g. "Thoughts of self-harm (PHQ-9 item 9)"
 */
public record RiskRule(String id, String item, List<String> anyOf, String description) {

    public RiskRule {
        anyOf = Copies.list(anyOf);
    }
}
