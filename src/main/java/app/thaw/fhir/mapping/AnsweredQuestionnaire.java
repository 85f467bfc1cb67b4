package app.thaw.fhir.mapping;

import java.time.Instant;
import java.util.List;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.RiskFlag;
import app.thaw.intake.questionnaire.Score;

/**
 * One questionnaire a client answered: the intake, or one outcome measure answered before a session. Everything
 * a QuestionnaireResponse, its score Observations and its risk Flags are made from.
 *
 * @param key     names the response within the case ("intake", "phq9-3"): letters, digits and '-'
 * @param answers the answers as they stand, corrections applied
 * @param amended some answer was corrected after it was sent
 */
public record AnsweredQuestionnaire(String key, QuestionnaireDefinition definition, Answers answers,
                                    List<Score> scores, List<RiskFlag> riskFlags, Instant authored, boolean amended) {

    public AnsweredQuestionnaire {
        scores = List.copyOf(scores);
        riskFlags = List.copyOf(riskFlags);
    }
}
