package app.thaw.intake.questionnaire;

import java.util.List;
import java.util.Optional;

/**
 * Scores and risk flags of one set of answers.
 *
 * @param urgent true when any risk rule fired: show crisis resources and flag the intake for staff
 */
public record ScoreReport(List<Score> scores, List<RiskFlag> riskFlags, boolean urgent) {

    public ScoreReport {
        scores = Copies.list(scores);
        riskFlags = Copies.list(riskFlags);
    }

    public Optional<Score> score(String scoreId) {
        return scores.stream().filter(s -> s.id().equals(scoreId)).findFirst();
    }

    public boolean hasFlag(String ruleId) {
        return riskFlags.stream().anyMatch(f -> f.ruleId().equals(ruleId));
    }
}
