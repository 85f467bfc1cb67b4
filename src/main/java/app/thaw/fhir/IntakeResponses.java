package app.thaw.fhir;

import java.util.List;

import org.springframework.stereotype.Component;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.fhir.mapping.AnsweredQuestionnaire;
import app.thaw.intake.QuestionnaireCatalog;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.intake.questionnaire.Answers;

/** The intake as an answered questionnaire: its answers with every correction applied, scores and risk flags as sent. */
@Component
class IntakeResponses implements ResponseSource, QuestionnaireSource {

    static final String KEY = "intake";

    private final SubmittedIntakes intakes;
    private final QuestionnaireCatalog catalog;

    IntakeResponses(SubmittedIntakes intakes, QuestionnaireCatalog catalog) {
        this.intakes = intakes;
        this.catalog = catalog;
    }

    @Override
    public List<AnsweredQuestionnaire> responses(CaseGrant grant) {
        return List.of(of(intakes.find(grant)));
    }

    static AnsweredQuestionnaire of(SubmittedIntake intake) {
        Answers answers = intake.answers();
        for (var amendment : intake.amendments()) {
            answers = answers.with(amendment.itemId(), amendment.values());
        }
        return new AnsweredQuestionnaire(KEY, intake.questionnaire(), answers, intake.scores(), intake.riskFlags(),
                intake.submittedAt(), !intake.amendments().isEmpty());
    }

    @Override
    public java.util.Collection<app.thaw.intake.questionnaire.QuestionnaireDefinition> definitions() {
        return catalog.all();
    }
}
