package app.thaw.review.factors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.ItemKind;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.QuestionnaireLoader;
import app.thaw.intake.questionnaire.Scorer;

/** For each tag, answers just above and just below its thresholds, with the exact reason text. */
class FactorSuggesterTest {

    private static final QuestionnaireDefinition INTAKE = QuestionnaireLoader.loadIntakeV1();
    private static final FactorRuleSet RULES = FactorRuleLoader.loadV1(INTAKE);

    private static final String BURNOUT_3_OF_6 = "3 of 6 burnout items answered 'more than half the days' or more";

    /** Every scale item at "Not at all"/"Strongly disagree", no partner, no medication: suggests nothing. */
    private static Answers base() {
        Answers a = Answers.empty()
                .with("about.full_name", "Sam Example")
                .with("presenting.what_brings_you", "I just can't cry any more")
                .with("presenting.duration", "over_1y")
                .with("medication.current", "no")
                .with("medication.hormonal", "none")
                .with("relationship.in_relationship", "no")
                .with("safety.safe_now", "yes");
        for (Item item : INTAKE.items()) {
            if (item.kind() == ItemKind.SCALE) {
                a = a.with(item.id(), "0");
            }
        }
        return a;
    }

    private static Answers set(Answers a, String value, String... itemIds) {
        for (String id : itemIds) {
            a = a.with(id, value);
        }
        return a;
    }

    private static List<FactorSuggestion> suggest(Answers a) {
        return FactorSuggester.suggest(RULES, INTAKE, a, Scorer.score(INTAKE, a));
    }

    private static List<String> tags(Answers a) {
        return suggest(a).stream().map(FactorSuggestion::tagId).toList();
    }

    private static List<String> reasons(Answers a, String tagId) {
        return suggest(a).stream().filter(s -> s.tagId().equals(tagId)).findFirst()
                .map(FactorSuggestion::reasons).orElse(List.of());
    }

    @Test
    void baseAnswersSuggestNothing() {
        assertThat(suggest(base())).isEmpty();
        assertThat(suggest(Answers.empty())).isEmpty();
    }

    @Test
    void emotionalBurnout() {
        Answers above = set(base(), "2", "burnout.detached", "burnout.motivation", "burnout.responsibilities");
        assertThat(suggest(above)).containsExactly(
                new FactorSuggestion("emotional_burnout", "Emotional burnout", List.of(BURNOUT_3_OF_6)));

        Answers product = set(above, "3", "burnout.small_tasks");
        assertThat(reasons(product, "emotional_burnout"))
                .containsExactly("4 of 6 burnout items answered 'more than half the days' or more");

        Answers below = set(set(base(), "1", "burnout.exhaustion", "burnout.concentration", "burnout.small_tasks",
                "burnout.responsibilities"), "3", "burnout.detached", "burnout.motivation");
        assertThat(suggest(below)).isEmpty();
    }

    @Test
    void learnedSuppression() {
        Answers above = set(base(), "2", "suppression.stay_strong", "suppression.unsafe_vulnerable");
        assertThat(tags(above)).containsExactly("learned_suppression");
        assertThat(reasons(above, "learned_suppression"))
                .containsExactly("2 of 4 suppression statements answered 'agree' or more");

        Answers high = set(base(), "2", "suppression.stay_strong", "suppression.unsafe_vulnerable",
                "suppression.emotional_neglect", "suppression.hide_to_avoid_conflict");
        assertThat(reasons(high, "learned_suppression")).containsExactly(
                "Learned suppression score 8 of 12 (High)",
                "4 of 4 suppression statements answered 'agree' or more");

        Answers below = set(set(base(), "1", "suppression.unsafe_vulnerable", "suppression.emotional_neglect",
                "suppression.hide_to_avoid_conflict"), "3", "suppression.stay_strong");
        assertThat(suggest(below)).isEmpty();
    }

    @Test
    void anxietyByGad7Total() {
        Answers above = set(set(base(), "1", "gad7.1", "gad7.2", "gad7.6", "gad7.7"), "2", "gad7.3", "gad7.4",
                "gad7.5");
        assertThat(suggest(above)).containsExactly(
                new FactorSuggestion("anxiety", "Anxiety", List.of("GAD-7 total 10 (Moderate)")));

        assertThat(suggest(above.with("gad7.7", "0"))).isEmpty();
    }

    @Test
    void anxietyByGad2() {
        Answers above = set(set(base(), "2", "gad7.1"), "1", "gad7.2");
        assertThat(reasons(above, "anxiety")).containsExactly("GAD-2 (first two GAD-7 items) total 3 of 6");

        assertThat(suggest(above.with("gad7.1", "1"))).isEmpty();
    }

    @Test
    void lowMoodByPhq9Total() {
        Answers above = set(set(base(), "1", "phq9.1", "phq9.2", "phq9.6", "phq9.7"), "2", "phq9.3", "phq9.4", "phq9.5");
        assertThat(suggest(above)).containsExactly(
                new FactorSuggestion("low_mood", "Low mood / depression", List.of("PHQ-9 total 10 (Moderate)")));

        assertThat(suggest(above.with("phq9.7", "0"))).isEmpty();
    }

    @Test
    void lowMoodByPhq2() {
        Answers above = set(set(base(), "1", "phq9.1"), "2", "phq9.2");
        assertThat(reasons(above, "low_mood")).containsExactly("PHQ-2 (first two PHQ-9 items) total 3 of 6");

        assertThat(suggest(above.with("phq9.2", "1"))).isEmpty();
    }

    @Test
    void medicationEffectsNeverQuoteTheMedication() {
        Answers taking = base().with("medication.current", "yes").with("medication.details", "sertraline since spring");
        assertThat(suggest(taking)).containsExactly(new FactorSuggestion("medication_effects", "Medication effects",
                List.of("Currently taking medication for mood or anxiety")));

        assertThat(suggest(taking.with("medication.current", "no"))).isEmpty();
        assertThat(suggest(taking.with("medication.current", "prefer_not_say"))).isEmpty();
    }

    @Test
    void hormonalChangeUsesOptionLabelsOnly() {
        assertThat(reasons(base().with("medication.hormonal", "perimenopause_menopause"), "hormonal_change"))
                .containsExactly("Hormonal change reported: perimenopause or menopause");
        assertThat(reasons(base().with("medication.hormonal", "thyroid", "pregnancy_birth_12m"), "hormonal_change"))
                .containsExactly("Hormonal change reported: pregnancy, or having a baby in the last 12 months; "
                        + "a thyroid condition");

        Answers other = base().with("medication.hormonal", "other").with("medication.hormonal_other", "Hashimoto flare");
        assertThat(reasons(other, "hormonal_change")).containsExactly("Hormonal change reported: another hormonal change");

        assertThat(suggest(base().with("medication.hormonal", "none"))).isEmpty();
        assertThat(suggest(base().without("medication.hormonal"))).isEmpty();
        assertThat(suggest(base().with("medication.hormonal", "my thyroid"))).isEmpty();
    }

    private static Answers partnered() {
        return base().with("relationship.in_relationship", "yes").with("relationship.length", "1_5y");
    }

    @Test
    void relationshipStrainByStatements() {
        Answers above = set(partnered(), "2", "relationship.communication_gaps", "relationship.misunderstood",
                "relationship.partner_reads_calm");
        assertThat(suggest(above)).containsExactly(new FactorSuggestion("relationship_strain", "Relationship strain",
                List.of("3 of 6 relationship statements answered 'agree' or more")));

        Answers below = set(set(partnered(), "1", "relationship.empathy", "relationship.shame", "relationship.distance",
                "relationship.partner_reads_calm"), "3", "relationship.communication_gaps", "relationship.misunderstood");
        assertThat(suggest(below)).isEmpty();
    }

    @Test
    void relationshipStrainByHighImpactScore() {
        Answers high = set(partnered(), "2", "relationship.communication_gaps", "relationship.misunderstood",
                "relationship.empathy", "relationship.shame", "relationship.distance");
        assertThat(reasons(high, "relationship_strain")).containsExactly(
                "Relationship impact score 10 of 15 (High)",
                "5 of 6 relationship statements answered 'agree' or more");
    }

    @Test
    void hiddenRelationshipItemsNeverSuggestStrain() {
        Answers strained = set(partnered(), "3", "relationship.communication_gaps", "relationship.misunderstood",
                "relationship.empathy", "relationship.shame", "relationship.distance", "relationship.partner_reads_calm");
        assertThat(tags(strained)).contains("relationship_strain");

        assertThat(suggest(strained.with("relationship.in_relationship", "no"))).isEmpty();
        assertThat(suggest(strained.without("relationship.in_relationship"))).isEmpty();
        assertThat(suggest(strained.with("relationship.in_relationship", "maybe"))).isEmpty();
    }

    @Test
    void acuteStressByDailyOverload() {
        Answers above = set(base(), "3", "burnout.small_tasks", "burnout.exhaustion");
        assertThat(suggest(above)).containsExactly(new FactorSuggestion("acute_stress", "Acute stress / overwhelm",
                List.of("2 of 3 overload signs (small tasks, exhaustion, concentration) answered 'nearly every day'")));

        assertThat(suggest(above.with("burnout.exhaustion", "2"))).isEmpty();
    }

    @Test
    void acuteStressByRecentOnsetWithBurnout() {
        Answers burnout = set(base(), "2", "burnout.detached", "burnout.motivation", "burnout.responsibilities");
        Answers recent = burnout.with("presenting.duration", "under_1m");
        assertThat(tags(recent)).containsExactly("emotional_burnout", "acute_stress");
        assertThat(reasons(recent, "acute_stress"))
                .containsExactly("Numbness began less than a month ago and " + BURNOUT_3_OF_6);

        assertThat(tags(burnout.with("presenting.duration", "1_6m"))).containsExactly("emotional_burnout");
        assertThat(suggest(recent.with("burnout.responsibilities", "1"))).isEmpty();
    }

    @Test
    void everyReasonOfEveryFiredRuleIsKeptInTagOrder() {
        Answers a = set(set(base(), "3", "burnout.small_tasks", "burnout.exhaustion",
                "burnout.concentration", "gad7.1", "gad7.2", "gad7.3", "gad7.4"), "2", "suppression.stay_strong",
                "suppression.unsafe_vulnerable")
                .with("presenting.duration", "under_1m").with("medication.current", "yes");

        assertThat(suggest(a)).extracting(FactorSuggestion::tagId).containsExactly("emotional_burnout",
                "learned_suppression", "anxiety", "medication_effects", "acute_stress");
        assertThat(reasons(a, "anxiety")).containsExactly("GAD-7 total 12 (Moderate)",
                "GAD-2 (first two GAD-7 items) total 6 of 6");
        assertThat(reasons(a, "acute_stress")).containsExactly(
                "3 of 3 overload signs (small tasks, exhaustion, concentration) answered 'nearly every day'",
                "Numbness began less than a month ago and 3 of 6 burnout items answered 'more than half the days' or more");
    }

    @Test
    void tagsAreDataNotCode() {
        FactorRuleSet sleep = FactorRuleLoader.validate(FactorRuleLoader.parse("""
                id: sleep-rules
                version: 1
                questionnaireId: intake
                questionnaireVersion: 1
                tags:
                  - { id: sleep, label: "Sleep problems", description: "Poor sleep." }
                rules:
                  - id: sleep.phq9_3
                    tag: sleep
                    kind: sumAtLeast
                    items: [phq9.3]
                    atLeast: 2
                    reason: "Sleep item {sum} of {max}"
                """, "sleep.yaml"), INTAKE);
        Answers a = base().with("phq9.3", "3");

        assertThat(FactorSuggester.suggest(sleep, INTAKE, a, Scorer.score(INTAKE, a)))
                .containsExactly(new FactorSuggestion("sleep", "Sleep problems", List.of("Sleep item 3 of 3")));
    }
}
