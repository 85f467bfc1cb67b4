package app.thaw.fhir;

import java.util.List;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.fhir.mapping.AnsweredQuestionnaire;

/**
 * Where a client's answered questionnaires come from: the intake (IntakeResponses) and the outcome measures
 * answered before sessions (MeasureResponses); their answers appear as QuestionnaireResponses, Observations and Flags
 * everywhere the FHIR feature shows a case. Implementations read only what the grant allows.
 */
public interface ResponseSource {

    List<AnsweredQuestionnaire> responses(CaseGrant grant);
}
