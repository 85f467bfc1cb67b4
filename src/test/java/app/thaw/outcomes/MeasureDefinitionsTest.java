package app.thaw.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.thaw.intake.QuestionnaireCatalog;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.Scorer;

/**
 * The measures are questionnaire definitions on the intake's engine: they load and pass its checker, share the
 * intake's item ids and values (so the intake's answers are the first measure), and their risk rules fire as the
 * intake's do.
 */
class MeasureDefinitionsTest {

    private final MeasureCatalog catalog = new MeasureCatalog();

    @Test
    void everyMeasureLoadsWithAVersionAndTheScoreItIsNamedFor() {
        for (Measure measure : Measure.values()) {
            var definition = catalog.definition(measure);
            // CSI-4 v2: the attribution note no longer claims terms that could not be confirmed
            assertThat(definition.version()).isEqualTo(measure == Measure.CSI4 ? 2 : 1);
            assertThat(definition.key()).startsWith("measure-");
            if (measure.scored()) {
                assertThat(definition.score(measure.scoreId())).as(measure.name()).isPresent();
                assertThat(definition.score(measure.scoreId()).orElseThrow().bands().getLast().max())
                        .isEqualTo(measure.max());
            }
        }
    }

    @Test
    void theIntakesItemsAreTheMeasuresItems() {
        var intake = new QuestionnaireCatalog().current();
        for (Measure measure : Measure.values()) {
            if (measure == Measure.CSI4) {
                continue;
            }
            for (var item : catalog.definition(measure).items()) {
                var same = intake.item(item.id());
                assertThat(same).as(item.id()).isPresent();
                assertThat(catalog.definition(measure).optionsFor(item).stream().map(o -> o.value() + "=" + o.score()))
                        .as(item.id()).containsExactlyElementsOf(intake.optionsFor(same.get()).stream()
                                .map(o -> o.value() + "=" + o.score()).toList());
            }
        }
    }

    @Test
    void phq9ItemNineAboveZeroAndAFearOfThePartnerTakeTheRiskPathway() {
        var phq9 = catalog.definition(Measure.PHQ9);
        Answers calm = Answers.empty();
        for (int i = 1; i <= 9; i++) {
            calm = calm.with("phq9." + i, "0");
        }
        assertThat(Scorer.score(phq9, calm).urgent()).isFalse();
        assertThat(Scorer.score(phq9, calm.with("phq9.9", "1")).riskFlags()).singleElement()
                .satisfies(flag -> assertThat(flag.ruleId()).isEqualTo("phq9_item9"));
        var safety = catalog.definition(Measure.PARTNER_SAFETY);
        assertThat(Scorer.score(safety, Answers.empty().with("safety.partner_fear", "yes")).urgent()).isTrue();
        assertThat(Scorer.score(safety, Answers.empty().with("safety.partner_fear", "prefer_not_say")).urgent())
                .isFalse();
    }

    @Test
    void csi4ScoresFromZeroToTwentyOneWithTheDissatisfactionBandBelowThirteenAndAHalf() {
        var csi = catalog.definition(Measure.CSI4);
        var lowest = Answers.empty().with("csi4.1", "0").with("csi4.2", "0").with("csi4.3", "0").with("csi4.4", "0");
        var highest = Answers.empty().with("csi4.1", "6").with("csi4.2", "5").with("csi4.3", "5").with("csi4.4", "5");
        var edge = Answers.empty().with("csi4.1", "3").with("csi4.2", "4").with("csi4.3", "3").with("csi4.4", "3");
        assertThat(Scorer.score(csi, lowest).scores().getFirst().total()).isZero();
        assertThat(Scorer.score(csi, highest).scores().getFirst().total()).isEqualTo(21);
        assertThat(Scorer.score(csi, edge).scores().getFirst().band()).isEqualTo("Notable dissatisfaction");
        assertThat(Scorer.score(csi, edge.with("csi4.4", "4")).scores().getFirst().band()).isEqualTo("Satisfied");
    }
}
