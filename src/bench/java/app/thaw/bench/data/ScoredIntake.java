package app.thaw.bench.data;

import java.util.List;
import java.util.Random;

import tools.jackson.databind.json.JsonMapper;

import app.thaw.intake.RequestedType;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.RiskFlag;
import app.thaw.intake.questionnaire.ScoreReport;
import app.thaw.intake.questionnaire.Scorer;
import app.thaw.outcomes.IntakeMeasure;
import app.thaw.outcomes.MeasureCatalog;
import app.thaw.review.factors.FactorRuleSet;
import app.thaw.review.factors.FactorSuggester;

/**
 * One intake's answers as stored, with what the real scorer and factor rules made of them, ready for the intake row,
 * its factor suggestions and its first measure.
 */
record ScoredIntake(String answersJson, String scoresJson, String riskFlagsJson, boolean urgent, String requestedType,
                    String fullName, String preferredName, String email, String phone, String dateOfBirth,
                    boolean emailSafe, boolean partnerFear, List<Suggestion> suggestions, IntakeSet intakeSet) {

    /** A factor suggestion's tag and its reasons as JSON. */
    record Suggestion(String tagId, String reasonsJson) {
    }

    /**
     * The intake's own answers as the first measure ({@link IntakeMeasure}, as the app stores it when the form
     * arrives): its versions, item answers as JSON and scores (null: that measure not asked whole).
     */
    record IntakeSet(String versions, String answersJson, Integer phq9, Integer gad7, Integer csi4, Integer feelings) {

        static IntakeSet of(IntakeMeasure measure, JsonMapper json) {
            if (measure.isEmpty()) {
                throw new IllegalStateException("Every intake version measures PHQ-9, GAD-7 and the feelings items");
            }
            var scores = measure.scores();
            return new IntakeSet(String.join(",", measure.versions()), json.writeValueAsString(measure.answers()),
                    scores.get("phq9"), scores.get("gad7"), scores.get("csi4"), scores.get("feelings"));
        }
    }

    /** How the generator gets an intake's scored answers: scored one by one, or from a pool scored once. */
    interface Source {
        ScoredIntake scored(IntakeAnswers.Profile profile, int id, Random random);
    }

    /** Today's way (before session 9): every intake's answers written, validated, scored and suggested on its own. */
    static Source scoredEach(QuestionnaireDefinition definition, FactorRuleSet rules, IntakeAnswers answers,
                             MeasureCatalog measures, JsonMapper json) {
        return (profile, id, random) -> {
            Answers asked = answers.answers(profile, id, random);
            ScoreReport report = Scorer.score(definition, asked);
            List<Suggestion> suggestions = FactorSuggester.suggest(rules, definition, asked, report).stream()
                    .map(s -> new Suggestion(s.tagId(), json.writeValueAsString(s.reasons()))).toList();
            return new ScoredIntake(json.writeValueAsString(answers.forStorage(asked)),
                    json.writeValueAsString(report.scores()), json.writeValueAsString(report.riskFlags()),
                    report.urgent(), RequestedType.fromAnswer(asked.single("preferences.session_type").orElse("")).name(),
                    profile.fullName(), asked.single("about.preferred_name").orElse(null),
                    asked.single("about.email").orElseThrow(), asked.single("about.phone").orElseThrow(),
                    asked.single("about.date_of_birth").orElseThrow(),
                    // nothing is emailed to a client who said email isn't safe (intake-v2 asks)
                    definition.item("about.contact_safe").isEmpty() || asked.multi("about.contact_safe").contains("email"),
                    report.riskFlags().stream().map(RiskFlag::ruleId).anyMatch("partner_fear"::equals), suggestions,
                    IntakeSet.of(IntakeMeasure.of(measures, asked), json));
        };
    }
}
