package app.thaw.privacy;

import static app.thaw.privacy.SubjectAccessDeadline.due;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The one-month deadline of a subject access request, by the ICO's guidance, at month ends and holidays. */
class SubjectAccessDeadlineTest {

    @Test
    void theCorrespondingDateInTheNextMonth() {
        assertThat(due(LocalDate.of(2025, 9, 3), 0)).isEqualTo(LocalDate.of(2025, 10, 3));
        assertThat(due(LocalDate.of(2026, 3, 16), 0)).isEqualTo(LocalDate.of(2026, 4, 16));
    }

    @Test
    void aShorterNextMonthEndsOnItsLastDay() {
        assertThat(due(LocalDate.of(2025, 1, 31), 0)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(due(LocalDate.of(2024, 1, 31), 0)).as("leap year").isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(due(LocalDate.of(2024, 1, 30), 0)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(due(LocalDate.of(2025, 8, 31), 0)).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(due(LocalDate.of(2025, 3, 31), 0)).isEqualTo(LocalDate.of(2025, 4, 30));
    }

    @Test
    void aDateAtTheWeekendMovesToTheNextWorkingDay() {
        // 28 February 2026 is a Saturday
        assertThat(due(LocalDate.of(2026, 1, 31), 0)).isEqualTo(LocalDate.of(2026, 3, 2));
        // 4 October 2025 is a Saturday, the 5th a Sunday
        assertThat(due(LocalDate.of(2025, 9, 4), 0)).isEqualTo(LocalDate.of(2025, 10, 6));
        assertThat(due(LocalDate.of(2025, 9, 5), 0)).isEqualTo(LocalDate.of(2025, 10, 6));
    }

    @Test
    void bankHolidaysOfEnglandAndWalesAreNotWorkingDays() {
        // Christmas 2026 is a Friday, so Boxing Day's holiday is Monday 28th
        assertThat(due(LocalDate.of(2026, 11, 25), 0)).isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(due(LocalDate.of(2026, 11, 26), 0)).isEqualTo(LocalDate.of(2026, 12, 29));
        // Christmas 2027 is a Saturday: holidays Monday 27th and Tuesday 28th
        assertThat(due(LocalDate.of(2027, 11, 27), 0)).isEqualTo(LocalDate.of(2027, 12, 29));
        // New Year's Day 2028 is a Saturday: the holiday is Monday 3 January
        assertThat(due(LocalDate.of(2027, 12, 1), 0)).isEqualTo(LocalDate.of(2028, 1, 4));
        // Easter 2026: Good Friday 3 April, Easter Monday 6 April
        assertThat(due(LocalDate.of(2026, 3, 3), 0)).isEqualTo(LocalDate.of(2026, 4, 7));
        // the early May, spring and summer bank holidays of 2026: 4 May, 25 May, 31 August
        assertThat(due(LocalDate.of(2026, 4, 4), 0)).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(due(LocalDate.of(2026, 4, 25), 0)).isEqualTo(LocalDate.of(2026, 5, 26));
        assertThat(due(LocalDate.of(2026, 7, 31), 0)).isEqualTo(LocalDate.of(2026, 9, 1));
    }

    @Test
    void easterFollowsTheCalendar() {
        assertThat(SubjectAccessDeadline.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(SubjectAccessDeadline.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(SubjectAccessDeadline.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(SubjectAccessDeadline.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void theExtensionAddsOneOrTwoMonthsCountedFromReceipt() {
        assertThat(due(LocalDate.of(2025, 11, 30), 2)).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(due(LocalDate.of(2025, 12, 31), 2)).as("31 March 2026 is a Tuesday")
                .isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(due(LocalDate.of(2025, 12, 31), 1)).as("28 February 2026 is a Saturday")
                .isEqualTo(LocalDate.of(2026, 3, 2));
        assertThatThrownBy(() -> due(LocalDate.of(2025, 12, 31), 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void daysLeftCountsDownToZeroOnTheDayThenBelow() {
        LocalDate dueOn = LocalDate.of(2026, 3, 2);
        assertThat(SubjectAccessDeadline.daysLeft(dueOn, LocalDate.of(2026, 2, 28))).isEqualTo(2);
        assertThat(SubjectAccessDeadline.daysLeft(dueOn, dueOn)).isZero();
        assertThat(SubjectAccessDeadline.daysLeft(dueOn, LocalDate.of(2026, 3, 5))).isEqualTo(-3);
    }
}
