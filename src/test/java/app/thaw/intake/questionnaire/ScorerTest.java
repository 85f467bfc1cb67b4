package app.thaw.intake.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScorerTest {

    private static final QuestionnaireDefinition INTAKE = QuestionnaireLoader.loadIntakeV1();

    @ParameterizedTest(name = "PHQ-9 total {0} is {1}")
    @CsvSource({
            "0, Minimal", "4, Minimal", "5, Mild", "9, Mild", "10, Moderate", "14, Moderate",
            "15, Moderately severe", "19, Moderately severe", "20, Severe", "27, Severe"})
    void phq9BandEdges(int total, String band) {
        Score score = Scorer.score(INTAKE, spread("phq9.", 9, total)).score("phq9").orElseThrow();
        assertThat(score).isEqualTo(new Score("phq9", "PHQ-9 (low mood)", total, 27, 9, 9, band));
        assertThat(score.complete()).isTrue();
    }

    @ParameterizedTest(name = "GAD-7 total {0} is {1}")
    @CsvSource({
            "0, Minimal", "4, Minimal", "5, Mild", "9, Mild", "10, Moderate", "14, Moderate",
            "15, Severe", "21, Severe"})
    void gad7BandEdges(int total, String band) {
        Score score = Scorer.score(INTAKE, spread("gad7.", 7, total)).score("gad7").orElseThrow();
        assertThat(score).isEqualTo(new Score("gad7", "GAD-7 (anxiety)", total, 21, 7, 7, band));
    }

    @Test
    void articleScoresRunFromLowToHighAtTheirMaximum() {
        Answers all3 = Answers.empty().with("relationship.in_relationship", "yes");
        for (Item item : INTAKE.items()) {
            if (item.kind() == ItemKind.SCALE) {
                all3 = all3.with(item.id(), "3");
            }
        }
        ScoreReport report = Scorer.score(INTAKE, all3);
        assertThat(report.scores()).extracting(Score::id, Score::total, Score::max, Score::band).containsExactly(
                tuple("numbness", 15, 15, "High"),
                tuple("burnout", 18, 18, "High"),
                tuple("suppression", 12, 12, "High"),
                tuple("relationship_impact", 15, 15, "High"),
                tuple("phq9", 27, 27, "Severe"),
                tuple("gad7", 21, 21, "Severe"));
        ScoreReport none = Scorer.score(INTAKE, Answers.empty());
        assertThat(none.scores()).extracting(Score::total).containsOnly(0);
        assertThat(none.scores()).extracting(Score::answered).containsOnly(0);
        assertThat(none.scores()).extracting(Score::band)
                .containsExactly("Low", "Low", "Low", "Low", "Minimal", "Minimal");
        assertThat(none.urgent()).isFalse();
    }

    @Test
    void partialAnswersCountOnlyTheAnsweredItems() {
        Score score = Scorer.score(INTAKE, Answers.empty().with("burnout.exhaustion", "2")
                .with("burnout.motivation", "3")).score("burnout").orElseThrow();
        assertThat(score.total()).isEqualTo(5);
        assertThat(score.answered()).isEqualTo(2);
        assertThat(score.itemCount()).isEqualTo(6);
        assertThat(score.complete()).isFalse();
        assertThat(score.band()).isEqualTo("Low");
    }

    @Test
    void hiddenItemsAreNotScored() {
        Answers answers = Answers.empty()
                .with("relationship.communication_gaps", "3").with("relationship.misunderstood", "3")
                .with("relationship.empathy", "3").with("relationship.shame", "3").with("relationship.distance", "3");
        Score notInRelationship = Scorer.score(INTAKE, answers.with("relationship.in_relationship", "no"))
                .score("relationship_impact").orElseThrow();
        assertThat(notInRelationship.total()).isZero();
        assertThat(notInRelationship.answered()).isZero();
        Score unanswered = Scorer.score(INTAKE, answers).score("relationship_impact").orElseThrow();
        assertThat(unanswered.total()).isZero();
        Score inRelationship = Scorer.score(INTAKE, answers.with("relationship.in_relationship", "yes"))
                .score("relationship_impact").orElseThrow();
        assertThat(inRelationship.total()).isEqualTo(15);
        assertThat(inRelationship.band()).isEqualTo("High");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "-1", "three", " 3", ""})
    void invalidValuesScoreNothing(String tampered) {
        Score score = Scorer.score(INTAKE, spread("phq9.", 9, 9).with("phq9.1", tampered)).score("phq9").orElseThrow();
        assertThat(score.total()).isEqualTo(6);
        assertThat(score.answered()).isEqualTo(8);
    }

    @Test
    void twoValuesOnASingleItemScoreNothing() {
        Score score = Scorer.score(INTAKE, Answers.empty().with("gad7.1", "3", "3")).score("gad7").orElseThrow();
        assertThat(score.total()).isZero();
        assertThat(score.answered()).isZero();
    }

    @ParameterizedTest(name = "PHQ-9 item 9 = {0} flags: {1}")
    @CsvSource({"0, false", "1, true", "2, true", "3, true"})
    void phq9Item9Rule(String value, boolean fires) {
        ScoreReport report = Scorer.score(INTAKE, Answers.empty().with("phq9.9", value));
        assertThat(report.hasFlag("phq9_item9")).isEqualTo(fires);
        assertThat(report.urgent()).isEqualTo(fires);
        if (fires) {
            assertThat(report.riskFlags()).containsExactly(new RiskFlag("phq9_item9",
                    "Thoughts that you would be better off dead or of hurting yourself (PHQ-9 item 9)"));
        }
    }

    @ParameterizedTest(name = "safe right now = {0} flags: {1}")
    @CsvSource({"yes, false", "no, true"})
    void notSafeNowRule(String value, boolean fires) {
        ScoreReport report = Scorer.score(INTAKE, Answers.empty().with("safety.safe_now", value));
        assertThat(report.hasFlag("not_safe_now")).isEqualTo(fires);
        assertThat(report.urgent()).isEqualTo(fires);
    }

    @ParameterizedTest(name = "in relationship = {0}, partner fear = {1} flags: {2}")
    @CsvSource({
            "yes, yes, true", "yes, no, false", "yes, prefer_not_say, false",
            "no, yes, false", "'', yes, false"})
    void partnerFearRuleOnlyWhenTheQuestionWasShown(String inRelationship, String fear, boolean fires) {
        Answers answers = Answers.empty().with("relationship.in_relationship", inRelationship)
                .with("safety.partner_fear", fear);
        ScoreReport report = Scorer.score(INTAKE, answers);
        assertThat(report.hasFlag("partner_fear")).isEqualTo(fires);
        assertThat(report.urgent()).isEqualTo(fires);
    }

    @Test
    void severalRulesFireTogether() {
        Answers answers = Answers.empty().with("phq9.9", "2").with("safety.safe_now", "no")
                .with("relationship.in_relationship", "yes").with("safety.partner_fear", "yes");
        assertThat(Scorer.score(INTAKE, answers).riskFlags()).extracting(RiskFlag::ruleId)
                .containsExactly("phq9_item9", "not_safe_now", "partner_fear");
    }

    /** Answers for items prefix1..prefixN whose scores add up to total, filling from the first item. */
    static Answers spread(String prefix, int count, int total) {
        Answers answers = Answers.empty();
        int remaining = total;
        for (int n = 1; n <= count; n++) {
            int value = Math.min(3, remaining);
            remaining -= value;
            answers = answers.with(prefix + n, String.valueOf(value));
        }
        assertThat(remaining).isZero();
        return answers;
    }
}
