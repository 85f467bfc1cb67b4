package app.thaw.outcomes;

import java.time.Instant;
import java.util.List;

import app.thaw.intake.questionnaire.QuestionnaireDefinition;

/**
 * One client's questions before one session, as their private link opens them: the measures' definitions in the
 * order asked. Open until the session ends; answered or expired links say so instead.
 */
public record MeasureForm(State state, List<QuestionnaireDefinition> measures, Instant sessionStarts,
                          Instant expiresAt) {

    public enum State { OPEN, ANSWERED, EXPIRED }

    public MeasureForm {
        measures = List.copyOf(measures);
    }
}
