package app.thaw.outcomes.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The median wait merged from months' packed waits equals the lower median of every course's wait listed out. */
class WaitsTest {

    private final int[] scratch = new int[Waits.BUCKETS];

    @Test
    void anOddCountTakesTheMiddleCourse() {
        assertThat(median(Waits.of(14, 2, 30, 1))).isEqualTo(14);
        assertThat(median(Waits.of(3, 1, 9, 1, 40, 1))).isEqualTo(9);
    }

    @Test
    void anEvenCountTakesTheLowerOfTheTwoMiddleCourses() {
        assertThat(median(Waits.of(10, 1, 20, 1))).isEqualTo(10);
        assertThat(median(Waits.of(10, 2, 20, 2))).isEqualTo(10);
        assertThat(median(Waits.of(10, 1, 20, 3))).isEqualTo(20);
    }

    @Test
    void noWaitsHaveNoMedian() {
        assertThat(median()).isNull();
        assertThat(median(Waits.packed(null))).isNull();
        assertThat(median(Waits.packed(new byte[0]), Waits.packed(null))).isNull();
        assertThat(Waits.packed(new byte[0]).courses()).isZero();
    }

    @Test
    void monthsMergeAsOneList() {
        // months: {5, 5, 60} and {1, 90}: together 1, 5, 5, 60, 90 -> 5; with a third {0, 0, 0, 0}: lower of 0 and 1
        assertThat(median(Waits.of(5, 2, 60, 1), Waits.of(1, 1, 90, 1))).isEqualTo(5);
        assertThat(median(Waits.of(5, 2, 60, 1), Waits.of(1, 1, 90, 1), Waits.of(0, 4))).isEqualTo(1);
        assertThat(scratch).as("handed back as zeros").containsOnly(0);
    }

    @Test
    void theLongestWaitsShareTheLastDay() {
        assertThat(median(Waits.of(365, 3), Waits.of(2, 1))).isEqualTo(365);
        assertThat(Waits.of(0, 1, 365, 70_000).courses()).isEqualTo(70_001);
    }

    @Test
    void randomMonthsGiveTheSameMedianAsSortingEveryCourse() {
        var random = new Random(16);
        for (int round = 0; round < 500; round++) {
            List<Waits> months = new ArrayList<>();
            List<Integer> every = new ArrayList<>();
            for (int m = random.nextInt(4); m > 0; m--) {
                List<Integer> pairs = new ArrayList<>();
                for (int day = 0; day < Waits.BUCKETS; day += 1 + random.nextInt(60)) {
                    int courses = 1 + random.nextInt(3);
                    pairs.add(day);
                    pairs.add(courses);
                    for (int k = 0; k < courses; k++) {
                        every.add(day);
                    }
                }
                months.add(Waits.of(pairs.stream().mapToInt(Integer::intValue).toArray()));
            }
            every.sort(null);
            Integer expected = every.isEmpty() ? null : every.get((every.size() + 1) / 2 - 1);
            assertThat(Waits.lowerMedian(months, scratch)).as("round " + round).isEqualTo(expected);
        }
        assertThat(scratch).containsOnly(0);
    }

    private Integer median(Waits... months) {
        return Waits.lowerMedian(Arrays.asList(months), scratch);
    }
}
