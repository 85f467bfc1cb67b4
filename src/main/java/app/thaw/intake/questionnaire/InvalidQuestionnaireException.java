package app.thaw.intake.questionnaire;

import java.util.List;

import app.thaw.base.domain.InvalidDefinitionException;

/** A questionnaire definition that cannot be used; the message lists every problem found. */
public class InvalidQuestionnaireException extends InvalidDefinitionException {

    public InvalidQuestionnaireException(String source, List<String> problems) {
        super("Questionnaire definition", source, problems, null);
    }

    public InvalidQuestionnaireException(String source, String problem, Throwable cause) {
        super("Questionnaire definition", source, List.of(problem), cause);
    }
}
