package app.thaw.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The England and Wales bank holidays shipped with Thaw: eight a year, never at a weekend, GOV.UK's dates. */
class BankHolidaysTest {

    @Test
    void everyYearHasItsEightBankHolidaysOnWeekdays() {
        List<BankHolidays.Holiday> holidays = BankHolidays.read();
        Map<Integer, Long> perYear = holidays.stream().collect(Collectors.groupingBy(h -> h.day().getYear(),
                Collectors.counting()));
        assertThat(perYear).isNotEmpty().allSatisfy((year, count) -> assertThat(count).as("in " + year).isEqualTo(8));
        assertThat(holidays).allSatisfy(h -> assertThat(h.day().getDayOfWeek())
                .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(holidays).contains(new BankHolidays.Holiday(LocalDate.of(2026, 12, 28),
                "Boxing Day (substitute day)"), new BankHolidays.Holiday(LocalDate.of(2027, 3, 26), "Good Friday"));
    }
}
