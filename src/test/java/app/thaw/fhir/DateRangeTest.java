package app.thaw.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A FHIR date search value is the interval of its precision (R4 search, "date"): a year, month or day of the
 * practice's calendar (Europe/London, so an hour earlier in UTC while British Summer Time runs), a date-time's minute,
 * second or fraction. Each prefix compares a resource's instant with that whole interval.
 */
class DateRangeTest {

    /** THW-H19JF6's response in the explore report: authored 2026-11-24T08:19:33 with milliseconds kept. */
    private static final String AUTHORED = "2026-11-24T08:19:33.456Z";

    @Test
    void aDateTimeToTheSecondIsThatWholeSecond() {
        assertThat(range("2026-11-24T08:19:33Z")).isEqualTo(interval("2026-11-24T08:19:33Z", "2026-11-24T08:19:34Z"));
        assertThat(matches("eq2026-11-24T08:19:33Z", AUTHORED)).isTrue();
        assertThat(matches("2026-11-24T08:19:33Z", "2026-11-24T08:19:33.999Z")).isTrue();
        assertThat(matches("2026-11-24T08:19:33+00:00", "2026-11-24T08:19:34Z")).isFalse();
        assertThat(matches("2026-11-24T08:19:33Z", "2026-11-24T08:19:32.999Z")).isFalse();
    }

    @Test
    void aDateTimeToTheMinuteOrAFractionIsThatMinuteOrFraction() {
        assertThat(range("2026-11-24T08:19Z")).isEqualTo(interval("2026-11-24T08:19:00Z", "2026-11-24T08:20:00Z"));
        assertThat(range("2026-11-24T08:19:33.4Z"))
                .isEqualTo(interval("2026-11-24T08:19:33.400Z", "2026-11-24T08:19:33.500Z"));
        assertThat(range("2026-11-24T08:19:33.456Z"))
                .isEqualTo(interval("2026-11-24T08:19:33.456Z", "2026-11-24T08:19:33.457Z"));
        assertThat(range("2026-07-15T09:00+01:00")).isEqualTo(interval("2026-07-15T08:00:00Z", "2026-07-15T08:01:00Z"));
    }

    @Test
    void aDayMonthOrYearIsThePracticesInBritishSummerTimeAndGreenwichMeanTime() {
        assertThat(range("2026-11-24")).isEqualTo(interval("2026-11-24T00:00:00Z", "2026-11-25T00:00:00Z"));
        assertThat(range("2026-07-15")).isEqualTo(interval("2026-07-14T23:00:00Z", "2026-07-15T23:00:00Z"));
        assertThat(range("2026-03-29")).as("the clocks go forward: a 23-hour day")
                .isEqualTo(interval("2026-03-29T00:00:00Z", "2026-03-29T23:00:00Z"));
        assertThat(range("2026-11")).isEqualTo(interval("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"));
        assertThat(range("2026-07")).isEqualTo(interval("2026-06-30T23:00:00Z", "2026-07-31T23:00:00Z"));
        assertThat(range("2026-10")).as("BST ends on 25 October")
                .isEqualTo(interval("2026-09-30T23:00:00Z", "2026-11-01T00:00:00Z"));
        assertThat(range("2026")).isEqualTo(interval("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));
        assertThat(range("2024-02")).as("a leap year's February")
                .isEqualTo(interval("2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"));
    }

    @Test
    void eachPrefixComparesWithTheWholeInterval() {
        String second = "2026-11-24T08:19:33Z";
        assertThat(matches("gt" + second, AUTHORED)).isFalse();
        assertThat(matches("gt" + second, "2026-11-24T08:19:34Z")).isTrue();
        assertThat(matches("sa" + second, AUTHORED)).isFalse();
        assertThat(matches("sa" + second, "2026-11-24T08:19:34Z")).isTrue();
        assertThat(matches("ge" + second, "2026-11-24T08:19:33Z")).isTrue();
        assertThat(matches("ge" + second, "2026-11-24T08:19:32.999Z")).isFalse();
        assertThat(matches("lt" + second, AUTHORED)).isFalse();
        assertThat(matches("lt" + second, "2026-11-24T08:19:32.999Z")).isTrue();
        assertThat(matches("eb" + second, AUTHORED)).isFalse();
        assertThat(matches("eb" + second, "2026-11-24T08:19:32.999Z")).isTrue();
        assertThat(matches("le" + second, "2026-11-24T08:19:33.999Z")).isTrue();
        assertThat(matches("le" + second, "2026-11-24T08:19:34Z")).isFalse();
        assertThat(matches("ne" + second, AUTHORED)).isFalse();
        assertThat(matches("ne" + second, "2026-11-24T08:19:34Z")).isTrue();
        assertThat(matches("ne" + second, "2026-11-24T08:19:32.999Z")).isTrue();
    }

    @Test
    void prefixesOnMonthsAndDaysMeetAtTheLondonMidnight() {
        assertThat(matches("ge2026-11", "2026-11-01T00:00:00Z")).isTrue();
        assertThat(matches("ge2026-11", "2026-10-31T23:59:59.999Z")).isFalse();
        assertThat(matches("ge2026-10", "2026-09-30T23:00:00Z")).as("1 October 00:00 BST").isTrue();
        assertThat(matches("ge2026-10", "2026-09-30T22:59:59.999Z")).isFalse();
        assertThat(matches("lt2026-04", "2026-03-31T22:59:59.999Z")).isTrue();
        assertThat(matches("lt2026-04", "2026-03-31T23:00:00Z")).as("1 April 00:00 BST").isFalse();
        assertThat(matches("le2026-07-15", "2026-07-15T22:59:59.999Z")).isTrue();
        assertThat(matches("le2026-07-15", "2026-07-15T23:00:00Z")).isFalse();
        assertThat(matches("gt2026", "2026-12-31T23:59:59.999Z")).isFalse();
        assertThat(matches("gt2026", "2027-01-01T00:00:00Z")).isTrue();
        assertThat(matches("ne2026-11", "2026-11-15T12:00:00Z")).isFalse();
        assertThat(matches("ne2026-11", "2026-12-01T00:00:00Z")).isTrue();
        assertThat(matches("eb2026-11-24", "2026-11-23T23:59:59Z")).isTrue();
        assertThat(matches("sa2026-11-24", "2026-11-24T23:59:59Z")).isFalse();
    }

    @Test
    void valuesCombineAsAllOfThem() {
        DateRange november = DateRange.parse(List.of("ge2026-11", "lt2026-12"));
        assertThat(november.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(november.until()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        DateRange notTheTwentyFourth = DateRange.parse(List.of("2026-11", "ne2026-11-24"));
        assertThat(notTheTwentyFourth.contains(Instant.parse(AUTHORED))).isFalse();
        assertThat(notTheTwentyFourth.contains(Instant.parse("2026-11-25T08:00:00Z"))).isTrue();
        assertThat(notTheTwentyFourth.contains(null)).as("an undated resource is not in any range").isFalse();
        assertThat(DateRange.ANY.contains(null)).isTrue();
    }

    @Test
    void invalidDatesAndTheApproximatePrefixAreRefusedWithAClearReason() {
        for (String invalid : List.of("2026-13", "20261", "2026-11-31", "2026-02-29", "2026-1", "26-11-24",
                "2026-11-24T08:19:33", "2026-11-24T25:00Z", "2026-11-24T08Z", "2026-11-24T08:19:33+19:00",
                "last-tuesday", "eq", "ge2026-13", "")) {
            assertThatThrownBy(() -> DateRange.parse(List.of(invalid))).as(invalid)
                    .isInstanceOfSatisfying(FhirRequestRefused.class, refused -> {
                        assertThat(refused.reason().status()).isEqualTo(400);
                        assertThat(refused.getMessage()).contains("'" + invalid + "' is not a FHIR date")
                                .contains("2026-11");
                    });
        }
        assertThatThrownBy(() -> DateRange.parse(List.of("ap2026-11-24")))
                .isInstanceOfSatisfying(FhirRequestRefused.class, refused -> {
                    assertThat(refused.reason().status()).isEqualTo(400);
                    assertThat(refused.getMessage()).contains("'ap' is not supported").contains("ne");
                });
    }

    private static DateRange range(String value) {
        return DateRange.parse(List.of(value));
    }

    private static DateRange interval(String from, String until) {
        return new DateRange(Instant.parse(from), Instant.parse(until), List.of());
    }

    private static boolean matches(String value, String instant) {
        return range(value).contains(Instant.parse(instant));
    }
}
