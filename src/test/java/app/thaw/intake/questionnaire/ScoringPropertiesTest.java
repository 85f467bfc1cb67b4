package app.thaw.intake.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScoringPropertiesTest {

    private static final QuestionnaireDefinition INTAKE = QuestionnaireLoader.loadIntakeV1();

    // Every item that takes a single fixed value: scales and single choices.
    private static final List<Item> CHOICE_ITEMS = INTAKE.items().stream()
            .filter(i -> i.kind() == ItemKind.SCALE || i.kind() == ItemKind.SINGLE_CHOICE).toList();

    private static final String GARBAGE = "tampered";

    /** One generated answer per choice item: null (unanswered), an option value, or a tampered value. */
    record Generated(Map<String, String> chosen, Answers answers) {
    }

    @Provide
    Arbitrary<Generated> answerSets() {
        return Arbitraries.integers().between(-2, 40).list().ofSize(CHOICE_ITEMS.size()).map(picks -> {
            Map<String, String> chosen = new HashMap<>();
            Answers answers = Answers.empty();
            for (int i = 0; i < CHOICE_ITEMS.size(); i++) {
                Item item = CHOICE_ITEMS.get(i);
                List<Option> options = INTAKE.optionsFor(item);
                int pick = picks.get(i);
                String value = pick == -1 ? null
                        : pick == -2 ? GARBAGE : options.get(pick % options.size()).value();
                if (value != null) {
                    chosen.put(item.id(), value);
                    answers = answers.with(item.id(), value);
                }
            }
            return new Generated(chosen, answers);
        });
    }

    @Property(tries = 300)
    void totalStaysWithinZeroAndMaximum(@ForAll("answerSets") Generated g) {
        for (Score score : Scorer.score(INTAKE, g.answers()).scores()) {
            assertThat(score.total()).as(score.id()).isBetween(0, score.max());
            assertThat(score.answered()).as(score.id()).isBetween(0, score.itemCount());
        }
    }

    @Property(tries = 300)
    void bandIsAlwaysDefinedAndHoldsTheTotal(@ForAll("answerSets") Generated g) {
        for (Score score : Scorer.score(INTAKE, g.answers()).scores()) {
            ScoreDefinition definition = INTAKE.score(score.id()).orElseThrow();
            assertThat(score.band()).as(score.id()).isNotNull();
            Band band = definition.bands().stream().filter(b -> b.label().equals(score.band())).findFirst().orElseThrow();
            assertThat(score.total()).as(score.id()).isBetween(band.min(), band.max());
        }
    }

    @Property(tries = 300)
    void totalIsTheSumOfTheChosenOptionScoresOfShownItems(@ForAll("answerSets") Generated g) {
        boolean inRelationship = "yes".equals(g.chosen().get("relationship.in_relationship"));
        for (Score score : Scorer.score(INTAKE, g.answers()).scores()) {
            int expected = 0;
            int answered = 0;
            for (String itemId : INTAKE.score(score.id()).orElseThrow().items()) {
                boolean shown = !itemId.startsWith("relationship.") || inRelationship;
                String value = g.chosen().get(itemId);
                if (shown && value != null && !value.equals(GARBAGE)) {
                    expected += Integer.parseInt(value);
                    answered++;
                }
            }
            assertThat(score.total()).as(score.id()).isEqualTo(expected);
            assertThat(score.answered()).as(score.id()).isEqualTo(answered);
        }
    }

    @Property(tries = 300)
    void urgentExactlyWhenARiskAnswerIsPresent(@ForAll("answerSets") Generated g) {
        Map<String, String> c = g.chosen();
        boolean selfHarm = List.of("1", "2", "3").contains(c.getOrDefault("phq9.9", ""));
        boolean notSafe = "no".equals(c.get("safety.safe_now"));
        boolean partnerFear = "yes".equals(c.get("relationship.in_relationship"))
                && "yes".equals(c.get("safety.partner_fear"));
        ScoreReport report = Scorer.score(INTAKE, g.answers());
        assertThat(report.urgent()).isEqualTo(selfHarm || notSafe || partnerFear);
        assertThat(report.hasFlag("phq9_item9")).isEqualTo(selfHarm);
        assertThat(report.hasFlag("not_safe_now")).isEqualTo(notSafe);
        assertThat(report.hasFlag("partner_fear")).isEqualTo(partnerFear);
    }

    @Property(tries = 200)
    void scoringIgnoresAnswersToUnknownItems(@ForAll("answerSets") Generated g,
                                             @ForAll("unknownIds") String unknownId) {
        assertThat(Scorer.score(INTAKE, g.answers().with(unknownId, "3")))
                .isEqualTo(Scorer.score(INTAKE, g.answers()));
    }

    @Provide
    Arbitrary<String> unknownIds() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> "unknown." + s);
    }
}
