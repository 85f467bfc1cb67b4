package app.thaw.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every NHS Talking Therapies definition at its edges: caseness at 10/8, reliable change at exactly 6 and 5 (PHQ-9)
 * and 4 and 3 (GAD-7), recovery needing a case at the start, opposite movements cancelling, and what a single or a
 * missing measure gives.
 */
class TalkingTherapiesOutcomeTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                   | phq9 first | gad7 first | phq9 last | gad7 last | case at start | recovered | improved | deteriorated | reliable recovery
            PHQ-9 down exactly 6: reliable            | 16 | 12 | 10 | 12 | true  | false | true  | false | false
            PHQ-9 down 5: not reliable                | 16 | 12 | 11 | 12 | true  | false | false | false | false
            GAD-7 down exactly 4: reliable            | 12 | 14 | 12 | 10 | true  | false | true  | false | false
            GAD-7 down 3: not reliable                | 12 | 14 | 12 | 11 | true  | false | false | false | false
            PHQ-9 up exactly 6: deterioration         | 8  | 5  | 14 | 5  | false | false | false | true  | false
            PHQ-9 up 5: no deterioration              | 8  | 5  | 13 | 5  | false | false | false | false | false
            GAD-7 up exactly 4: deterioration         | 4  | 7  | 4  | 11 | false | false | false | true  | false
            GAD-7 up 3: no deterioration              | 4  | 7  | 4  | 10 | false | false | false | false | false
            better on one, worse on other: neither    | 18 | 6  | 12 | 10 | true  | false | false | false | false
            recovered and reliable                    | 15 | 12 | 6  | 5  | true  | true  | true  | false | true
            recovered, change not reliable            | 10 | 8  | 9  | 7  | true  | true  | false | false | false
            PHQ-9 exactly 10 is a case                | 10 | 0  | 4  | 0  | true  | true  | true  | false | true
            PHQ-9 9 and GAD-7 7 are not a case        | 9  | 7  | 2  | 1  | false | false | true  | false | false
            GAD-7 exactly 8 is a case                 | 0  | 8  | 0  | 4  | true  | true  | true  | false | true
            still a case at the end: not recovered    | 20 | 15 | 12 | 9  | true  | false | true  | false | false
            PHQ-9 below but GAD-7 at 8: not recovered | 20 | 15 | 9  | 8  | true  | false | true  | false | false
            no change                                 | 12 | 9  | 12 | 9  | true  | false | false | false | false
            """)
    void definitionsAtTheirEdges(String name, int phq9First, int gad7First, int phq9Last, int gad7Last,
                                 boolean caseAtStart, boolean recovered, boolean improved, boolean deteriorated,
                                 boolean reliablyRecovered) {
        var outcome = TalkingTherapiesOutcome.of(new TalkingTherapiesOutcome.Scores(phq9First, gad7First),
                new TalkingTherapiesOutcome.Scores(phq9Last, gad7Last), true);
        assertThat(outcome.paired()).isTrue();
        assertThat(outcome.caseAtStart()).as("case at start").isEqualTo(caseAtStart);
        assertThat(outcome.recovered()).as("recovered").isEqualTo(recovered);
        assertThat(outcome.reliableImprovement()).as("reliable improvement").isEqualTo(improved);
        assertThat(outcome.reliableDeterioration()).as("reliable deterioration").isEqualTo(deteriorated);
        assertThat(outcome.reliableRecovery()).as("reliable recovery").isEqualTo(reliablyRecovered);
        assertThat(outcome.phq9Change()).isEqualTo(phq9Last - phq9First);
        assertThat(outcome.gad7Change()).isEqualTo(gad7Last - gad7First);
    }

    @Test
    void aSingleMeasureJudgesNoChangeButKnowsWhetherItWasACase() {
        var only = new TalkingTherapiesOutcome.Scores(14, 10);
        var outcome = TalkingTherapiesOutcome.of(only, only, false);
        assertThat(outcome.paired()).isFalse();
        assertThat(outcome.caseAtStart()).isTrue();
        assertThat(outcome.recovered() || outcome.reliableImprovement() || outcome.reliableDeterioration()).isFalse();
        assertThat(outcome.summary()).contains("One measure so far");
    }

    @Test
    void aMissingFirstMeasureJudgesNothing() {
        var outcome = TalkingTherapiesOutcome.of(null, new TalkingTherapiesOutcome.Scores(3, 2), true);
        assertThat(outcome).isEqualTo(TalkingTherapiesOutcome.UNPAIRED);
        assertThat(outcome.summary()).isEqualTo("Not enough measures yet to judge change.");
    }

    @Test
    void aMissingLastMeasureJudgesNoChange() {
        var outcome = TalkingTherapiesOutcome.of(new TalkingTherapiesOutcome.Scores(3, 2), null, true);
        assertThat(outcome.paired()).isFalse();
        assertThat(outcome.caseAtStart()).isFalse();
    }

    @Test
    void partnersWithOppositeTrajectoriesEachGetTheirOwnState() {
        Instant start = Instant.parse("2026-09-01T09:00:00Z");
        var alex = List.of(point(start, 18, 14), point(start.plusSeconds(604800), 12, 10),
                point(start.plusSeconds(1209600), 6, 5));
        var sam = List.of(point(start, 6, 4), point(start.plusSeconds(604800), 9, 6),
                point(start.plusSeconds(1209600), 13, 9));
        var alexState = OutcomeService.outcome(alex);
        var samState = OutcomeService.outcome(sam);
        assertThat(alexState.reliableRecovery()).isTrue();
        assertThat(alexState.reliableDeterioration()).isFalse();
        assertThat(samState.reliableDeterioration()).isTrue();
        assertThat(samState.caseAtStart()).isFalse();
        assertThat(samState.recovered()).isFalse();
        assertThat(samState.summary()).isEqualTo("Reliable deterioration.");
    }

    @Test
    void pointsWithoutBothScoresAreNotPairs() {
        Instant start = Instant.parse("2026-09-01T09:00:00Z");
        var points = List.of(point(start, 18, 14),
                new CaseMeasures.Point(start.plusSeconds(60), "CLIENT", null, null, 12, null, false));
        assertThat(OutcomeService.outcome(points).paired()).isFalse();
    }

    private static CaseMeasures.Point point(Instant at, int phq9, int gad7) {
        return new CaseMeasures.Point(at, "CLIENT", phq9, gad7, null, null, false);
    }
}
