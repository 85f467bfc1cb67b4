package app.thaw.intake.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AnswersAndVisibilityTest {

    private static final QuestionnaireDefinition INTAKE = QuestionnaireLoader.loadIntakeV1();

    @Test
    void withReturnsACopyAndLeavesTheOriginalUntouched() {
        Answers first = Answers.empty().with("about.full_name", "Sam");
        Answers second = first.with("about.full_name", "Samira").with("preferences.days", "monday", "friday");
        assertThat(first.single("about.full_name")).contains("Sam");
        assertThat(second.single("about.full_name")).contains("Samira");
        assertThat(second.multi("preferences.days")).containsExactly("monday", "friday");
        assertThat(first.multi("preferences.days")).isEmpty();
        assertThat(second.without("preferences.days").contains("preferences.days")).isFalse();
    }

    @Test
    void nullAndEmptyValuesMeanNoAnswerButWhitespaceIsKeptAsTyped() {
        Answers answers = Answers.empty().with("a", (String) null).with("b", "").with("c", "  ")
                .with("d", Arrays.asList("x", null, ""));
        assertThat(answers.itemIds()).containsExactly("c", "d");
        assertThat(answers.single("c")).contains("  ");
        assertThat(answers.isAnswered("c")).isFalse();
        assertThat(answers.multi("d")).containsExactly("x");
        assertThat(answers.single("a")).isEmpty();
    }

    @Test
    void answersCannotBeChangedFromOutside() {
        List<String> days = new ArrayList<>(List.of("monday"));
        Answers answers = Answers.of(Map.of("preferences.days", days));
        days.add("tuesday");
        assertThat(answers.multi("preferences.days")).containsExactly("monday");
        assertThatThrownBy(() -> answers.asMap().put("x", List.of("y")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> answers.multi("preferences.days").add("friday"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalityIsByValueAndToStringNeverShowsAnswers() {
        Answers a = Answers.empty().with("safety.partner_fear_detail", "he hits me");
        assertThat(a).isEqualTo(Answers.of(Map.of("safety.partner_fear_detail", List.of("he hits me"))));
        assertThat(a.toString()).isEqualTo("Answers[1 items]").doesNotContain("hits");
    }

    @Test
    void multiChoiceConditionsMatchAnyChosenValue() {
        Visibility v = Visibility.of(INTAKE);
        assertThat(v.isVisible("medication.hormonal_other", Answers.empty())).isFalse();
        assertThat(v.isVisible("medication.hormonal_other",
                Answers.empty().with("medication.hormonal", "thyroid", "other"))).isTrue();
        assertThat(v.isVisible("medication.hormonal_other",
                Answers.empty().with("medication.hormonal", "thyroid"))).isFalse();
        assertThat(v.isVisible("no.such.item", Answers.empty())).isFalse();
    }

    @Test
    void visibleItemsFollowTheRelationshipAnswer() {
        Visibility v = Visibility.of(INTAKE);
        Section relationship = INTAKE.section("relationship").orElseThrow();
        assertThat(v.visibleItems(relationship, Answers.empty())).extracting(Item::id)
                .containsExactly("relationship.in_relationship");
        assertThat(v.visibleItems(relationship, Answers.empty().with("relationship.in_relationship", "yes")))
                .hasSize(relationship.items().size());
    }

    @Test
    void visibleOnlyDropsHiddenAndUnknownAnswers() {
        Answers typed = Answers.empty().with("relationship.in_relationship", "no")
                .with("relationship.length", "1_5y").with("safety.partner_fear", "yes")
                .with("made.up", "x").with("about.full_name", "Sam");
        assertThat(Visibility.of(INTAKE).visibleOnly(typed).asMap()).containsOnlyKeys(
                "about.full_name", "relationship.in_relationship");
    }

    @Test
    void aConditionCycleInAHandBuiltDefinitionIsTreatedAsHidden() {
        Option yes = new Option("yes", "Yes");
        Item a = new Item("a", "A", null, ItemKind.SINGLE_CHOICE, false, null, List.of(yes),
                new Condition("b", List.of("yes")), null, null, false, null);
        Item b = new Item("b", "B", null, ItemKind.SINGLE_CHOICE, false, null, List.of(yes),
                new Condition("a", List.of("yes")), null, null, false, null);
        QuestionnaireDefinition cyclic = new QuestionnaireDefinition("t", 1, "T", null, "p", List.of(),
                List.of(new Section("s", "S", null, List.of(a, b))), List.of(), List.of());
        Answers both = Answers.empty().with("a", "yes").with("b", "yes");
        assertThat(Visibility.of(cyclic).isVisible(a, both)).isFalse();
        assertThat(QuestionnaireLoader.problems(cyclic))
                .contains("t-v1: item 'a' shows only if 'b', which does not come before it");
    }
}
