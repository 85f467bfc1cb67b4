package app.thaw.review.factors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.ItemKind;
import app.thaw.intake.questionnaire.Option;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.QuestionnaireLoader;
import app.thaw.intake.questionnaire.Scorer;

class FactorSuggesterPropertiesTest {

    private static final QuestionnaireDefinition INTAKE = QuestionnaireLoader.loadIntakeV1();
    private static final FactorRuleSet RULES = FactorRuleLoader.loadV1(INTAKE);
    private static final List<String> TAG_IDS = RULES.tags().stream().map(FactorTag::id).toList();

    /** Random answers to every item, and every piece of text the client typed into them. */
    record Generated(Answers answers, List<String> typed) {
    }

    @Provide
    Arbitrary<Generated> answerSets() {
        List<Item> items = INTAKE.items();
        List<Arbitrary<List<String>>> perItem = items.stream().map(FactorSuggesterPropertiesTest::valuesFor).toList();
        return Combinators.combine(perItem).as(values -> {
            Answers answers = Answers.empty();
            List<String> typed = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                answers = answers.with(item.id(), values.get(i));
                List<String> optionValues = optionValues(item);
                values.get(i).stream().filter(v -> !optionValues.contains(v)).forEach(typed::add);
            }
            return new Generated(answers, typed);
        });
    }

    // Distinctive enough that finding one in a reason can only mean it was copied there.
    private static Arbitrary<String> typedText() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(" '’é–")
                .ofMinLength(6).ofMaxLength(40).map(s -> "x" + s + "q");
    }

    /** Mostly real option values, sometimes unanswered or a typed (tampered) value; free text for text items. */
    private static Arbitrary<List<String>> valuesFor(Item item) {
        if (item.kind() == ItemKind.CONSENT) {
            return Arbitraries.just(List.of("true"));
        }
        Arbitrary<List<String>> none = Arbitraries.just(List.of());
        Arbitrary<List<String>> typed = typedText().map(List::of);
        if (!item.kind().hasOptions()) {
            return Arbitraries.frequencyOf(Tuple.of(1, none), Tuple.of(3, typed));
        }
        List<String> options = optionValues(item);
        if (item.kind() == ItemKind.MULTI_CHOICE) {
            return Combinators.combine(Arbitraries.subsetOf(options), typedText().list().ofMaxSize(1))
                    .as((chosen, extra) -> Stream.concat(options.stream().filter(chosen::contains), extra.stream()).toList());
        }
        return Arbitraries.frequencyOf(Tuple.of(1, none), Tuple.of(8, Arbitraries.of(options).map(List::of)),
                Tuple.of(1, typed));
    }

    private static List<String> optionValues(Item item) {
        return INTAKE.optionsFor(item).stream().map(Option::value).toList();
    }

    private static List<FactorSuggestion> suggest(Answers a) {
        return FactorSuggester.suggest(RULES, INTAKE, a, Scorer.score(INTAKE, a));
    }

    @Property(tries = 300)
    void suggestionsAreKnownTagsInTagOrderEachWithAReason(@ForAll("answerSets") Generated g) {
        List<FactorSuggestion> suggestions = suggest(g.answers());

        List<Integer> positions = suggestions.stream().map(s -> TAG_IDS.indexOf(s.tagId())).toList();
        assertThat(positions).doesNotContain(-1).isSorted().doesNotHaveDuplicates();
        assertThat(suggestions).allSatisfy(s -> {
            assertThat(s.label()).isEqualTo(RULES.tag(s.tagId()).orElseThrow().label());
            assertThat(s.reasons()).isNotEmpty().allSatisfy(r -> assertThat(r).isNotBlank().doesNotContain("{", "}"));
        });
    }

    @Property(tries = 300)
    void noReasonEverContainsTextTheClientTyped(@ForAll("answerSets") Generated g) {
        List<String> reasons = suggest(g.answers()).stream().flatMap(s -> s.reasons().stream()).toList();

        for (String reason : reasons) {
            for (String typed : g.typed()) {
                assertThat(reason).doesNotContain(typed);
            }
        }
    }

    @Property(tries = 200)
    void suggestingIsDeterministic(@ForAll("answerSets") Generated g) {
        assertThat(suggest(g.answers())).isEqualTo(suggest(g.answers()));
    }

    @Property(tries = 300)
    void withoutAPartnerRelationshipStrainIsNeverSuggested(@ForAll("answerSets") Generated g) {
        Answers noPartner = g.answers().with("relationship.in_relationship", "no");

        assertThat(suggest(noPartner)).extracting(FactorSuggestion::tagId).doesNotContain("relationship_strain");
    }
}
