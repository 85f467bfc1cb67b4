package app.thaw.fhir;

import java.util.Collection;

import app.thaw.intake.questionnaire.QuestionnaireDefinition;

/**
 * Every questionnaire version a feature asks (the intake's catalog, each outcome measure's versions),
 * published as FHIR Questionnaires. A new measure plugs in by implementing this with its catalog.
 */
public interface QuestionnaireSource {

    Collection<QuestionnaireDefinition> definitions();
}
