package app.thaw.intake;

import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;

import org.springframework.stereotype.Component;

import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.QuestionnaireLoader;

/**
 * Every questionnaire version Thaw has asked, loaded and checked at start-up (a broken file stops the
 * app), so an old submission always renders with the questions it answered.
 */
@Component
public class QuestionnaireCatalog {

    private final QuestionnaireDefinition current = QuestionnaireLoader.loadCurrent();
    private final QuestionnaireDefinition first = QuestionnaireLoader.loadIntakeV1();
    private final Map<String, QuestionnaireDefinition> byKey = Map.of(current.key(), current, first.key(), first);

    /** The version new clients fill in. */
    @PermitAll
    public QuestionnaireDefinition current() {
        return current;
    }

    /** Every version still readable, so stored answers of any of them can be read and re-encrypted. */
    @PermitAll
    public java.util.Collection<QuestionnaireDefinition> all() {
        return byKey.values();
    }

    @PermitAll
    public Optional<QuestionnaireDefinition> find(String questionnaireId, int version) {
        return Optional.ofNullable(byKey.get(questionnaireId + "-v" + version));
    }
}
