package app.thaw.intake.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import app.thaw.review.factors.FactorRuleLoader;

/** intake-v2 asks the same things in shorter steps: same item ids, scores and risk rules, one instrument a step. */
class QuestionnaireVersionsTest {

    private static final QuestionnaireDefinition V1 = QuestionnaireLoader.loadIntakeV1();
    private static final QuestionnaireDefinition V2 = QuestionnaireLoader.loadCurrent();

    @Test
    void theCurrentVersionIsTwoAndEveryQuestionOfVersionOneKeepsItsIdUnlessReplaced() {
        assertThat(V2.key()).isEqualTo("intake-v2");
        Set<String> replaced = Set.of("about.contact_method", "about.voicemail_ok", "about.text_ok");
        Set<String> v2Ids = V2.items().stream().map(Item::id).collect(Collectors.toSet());
        V1.items().stream().map(Item::id).filter(id -> !replaced.contains(id))
                .forEach(id -> assertThat(v2Ids).as(id).contains(id));
        assertThat(v2Ids).doesNotContainAnyElementsOf(replaced).contains("about.contact_safe");
    }

    @Test
    void phq9AndGad7EachHaveAStepOfTheirOwnAndNoStepIsLong() {
        assertThat(V2.section("phq9").orElseThrow().items()).extracting(Item::id)
                .containsExactly("phq9.1", "phq9.2", "phq9.3", "phq9.4", "phq9.5", "phq9.6", "phq9.7", "phq9.8",
                        "phq9.9");
        assertThat(V2.section("gad7").orElseThrow().items()).extracting(Item::id)
                .containsExactly("gad7.1", "gad7.2", "gad7.3", "gad7.4", "gad7.5", "gad7.6", "gad7.7");
        for (Section section : V2.sections()) {
            assertThat(section.items()).as(section.id()).hasSizeLessThanOrEqualTo(10);
            Set<String> instruments = section.items().stream().filter(i -> i.kind() == ItemKind.SCALE)
                    .map(Item::scale).filter(scale -> scale.equals("phq9") || scale.equals("gad7"))
                    .collect(Collectors.toSet());
            assertThat(instruments).as(section.id()).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void scoresRiskRulesAndFactorRulesReadBothVersionsAlike() {
        assertThat(V2.scores()).isEqualTo(V1.scores());
        assertThat(V2.riskRules()).isEqualTo(V1.riskRules());
        assertThat(V2.scales()).isEqualTo(V1.scales());
        var rules = FactorRuleLoader.loadClasspath("review/factor-rules-v2.yaml");
        assertThat(FactorRuleLoader.problems(rules, V2)).isEmpty();
        assertThat(rules.rules()).isEqualTo(FactorRuleLoader.loadV1().rules());
    }

    @Test
    void theWholeFormTakesAboutFifteenMinutesAndTheEstimateShrinksStepByStep() {
        Answers none = Answers.empty();
        int atStart = TimeEstimate.secondsLeft(V2, none, 0);
        assertThat(atStart / 60).isBetween(10, 18);
        int previous = atStart;
        for (int step = 1; step <= V2.sections().size(); step++) {
            int left = TimeEstimate.secondsLeft(V2, none, step);
            assertThat(left).isLessThan(previous);
            previous = left;
        }
        assertThat(TimeEstimate.wording(previous)).isEqualTo("about a minute left");
        assertThat(TimeEstimate.wording(9 * 60 + 1)).isEqualTo("about 10 minutes left");
        assertThat(TimeEstimate.secondsLeft(V2, none.with("relationship.in_relationship", "yes"), 0))
                .as("follow-up questions add time").isGreaterThan(atStart);
    }

    @Test
    void contactSafetyComesBeforeAnyContactDetailAndNoneExcludesTheRest() {
        List<String> contact = V2.section("contact").orElseThrow().items().stream().map(Item::id).toList();
        assertThat(contact).containsExactly("about.contact_safe", "about.email", "about.phone");
        Item safe = V2.item("about.contact_safe").orElseThrow();
        assertThat(safe.options()).extracting(Option::value).containsExactly("email", "phone", "text", "voicemail",
                "none");
        assertThat(safe.options().getLast().exclusive()).isTrue();
    }
}
