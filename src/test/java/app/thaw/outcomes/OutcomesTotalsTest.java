package app.thaw.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import app.thaw.outcomes.domain.EpisodeStore;
import app.thaw.outcomes.domain.Waits;

/**
 * A group's median wait comes from all its months' waits, and is hidden from a manager under five finished courses; a
 * manager's counts are suppressed or rounded, the rates are not.
 */
class OutcomesTotalsTest {

    private static final LocalDate JAN = LocalDate.of(2030, 1, 1);

    @Test
    void theMedianMergesTheGroupsMonths() {
        var totals = new OutcomesReport.Totals();
        totals.add(row(JAN, 3, Waits.of(5, 2, 60, 1)));
        totals.add(row(JAN.plusMonths(1), 2, Waits.of(1, 1, 90, 1)));
        var scratch = new int[Waits.BUCKETS];
        assertThat(totals.row("2030 Q1", JAN, "T", "Individual", false, scratch).medianWaitDays()).isEqualTo(5);
        assertThat(totals.row("2030 Q1", JAN, "T", "Individual", true, scratch).medianWaitDays())
                .as("five finished courses are shown to a manager").isEqualTo(5);
    }

    @Test
    void underFiveFinishedCoursesTheManagerSeesNoMedianButTheLeadDoes() {
        var totals = new OutcomesReport.Totals();
        totals.add(row(JAN, 4, Waits.of(14, 3, 30, 1)));
        var scratch = new int[Waits.BUCKETS];
        assertThat(totals.row("Jan 2030", JAN, "T", "Individual", true, scratch).medianWaitDays()).isNull();
        assertThat(totals.row("Jan 2030", JAN, "T", "Individual", false, scratch).medianWaitDays()).isEqualTo(14);
    }

    @Test
    void aGroupWithNoFinishedCoursesHasNoMedian() {
        var totals = new OutcomesReport.Totals();
        totals.add(row(JAN, 0, Waits.packed(new byte[0])));
        assertThat(totals.row("Jan 2030", JAN, "T", "Individual", false, new int[Waits.BUCKETS]).medianWaitDays())
                .isNull();
    }

    @Test
    void aManagersCountsAreSuppressedUnderFiveAndRoundedToTheNearestFiveAboveAndTheLeadsAreExact() {
        assertThat(java.util.stream.IntStream.of(0, 1, 4, 5, 7, 8, 12, 13, 21, 102)
                .mapToObj(n -> OutcomesReport.Totals.count(n, true)).toList())
                .containsExactly(0, null, null, 5, 5, 10, 10, 15, 20, 100);
        assertThat(OutcomesReport.Totals.count(21, false)).isEqualTo(21);
        assertThat(OutcomesReport.Totals.count(3, false)).isEqualTo(3);
    }

    @Test
    void aRateComesFromTheTrueCountsOverAShownDenominatorAndIsUndefinedWithoutOne() {
        assertThat(OutcomesReport.Totals.rate(14, 17, true)).as("82%, not 15 of 15").isEqualTo(82);
        assertThat(OutcomesReport.Totals.rate(2, 3, true)).as("denominator suppressed").isNull();
        assertThat(OutcomesReport.Totals.rate(3, 6, true)).as("it would give the suppressed part back").isNull();
        assertThat(OutcomesReport.Totals.rate(0, 6, true)).isZero();
        assertThat(OutcomesReport.Totals.rate(0, 0, false)).as("no denominator").isNull();
        assertThat(OutcomesReport.Totals.rate(2, 3, false)).isEqualTo(67);
    }

    private static EpisodeStore.SummaryRow row(LocalDate month, int finished, Waits waits) {
        return new EpisodeStore.SummaryRow(month, 7, "INDIVIDUAL", finished + 1, finished, finished, finished, 0, 0, 0,
                0, waits);
    }
}
