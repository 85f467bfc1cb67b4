package app.thaw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class UkPickersTest {

    @Test
    void aDateReadsTheUsualUkWaysAndWeeksStartOnMonday() {
        var picker = UkPickers.date("First day away");
        assertThat(picker.getLocale()).isEqualTo(Locale.UK);
        assertThat(picker.getI18n().getDateFormats()).startsWith("dd/MM/yyyy")
                .contains("d/M/yy", "d.M.yyyy", "yyyy-MM-dd");
        assertThat(picker.getI18n().getFirstDayOfWeek()).isEqualTo(1);
        assertThat(picker.getI18n().getBadInputErrorMessage()).isEqualTo(UkPickers.BAD_DATE);
        assertThat(picker.getPlaceholder()).isEqualTo("dd/mm/yyyy");
    }

    @Test
    void aDateAndTimeSaysWhatItExpectsForEachPart() {
        var picker = UkPickers.dateTime("Date and time");
        assertThat(picker.getDatePickerI18n().getFirstDayOfWeek()).isEqualTo(1);
        assertThat(picker.getDatePickerI18n().getDateFormats()).contains("d.M.yyyy");
        assertThat(picker.getI18n().getBadInputErrorMessage()).contains("31/01/2026", "14:30");
        assertThat(picker.getI18n().getIncompleteInputErrorMessage()).isEqualTo("Enter both the date and the time.");
    }

    @Test
    void aFieldLeftBlankOrReadIsNotTakenForUnreadableInput() {
        var blank = UkPickers.date("Date");
        assertThat(UkPickers.unreadable(blank)).isFalse();
        assertThat(blank.isInvalid()).isFalse();

        var read = UkPickers.time("From");
        read.setValue(LocalTime.of(14, 0));
        assertThat(UkPickers.unreadableMessage(read)).isEmpty();

        var day = UkPickers.date("Date");
        day.setValue(LocalDate.of(2027, 1, 8));
        assertThat(UkPickers.unreadable(day)).isFalse();
    }

    @Test
    void aRangesEndsCannotCrossAndSaySoUnderTheOneTypedPastTheOther() {
        var from = UkPickers.date("From");
        var to = UkPickers.date("To");
        from.setValue(LocalDate.of(2026, 12, 1));
        UkPickers.range(from, to);
        assertThat(to.getMin()).isEqualTo(LocalDate.of(2026, 12, 1));

        to.setValue(LocalDate.of(2026, 11, 20));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("This is before the ‘From’ date.");
        assertThat(from.getMax()).isEqualTo(LocalDate.of(2026, 11, 20));

        from.setValue(LocalDate.of(2026, 11, 1));
        to.setValue(LocalDate.of(2026, 11, 21));
        assertThat(to.isInvalid()).isFalse();
        assertThat(from.getI18n().getMaxErrorMessage()).isEqualTo("This is after the ‘To’ date.");
    }

    @Test
    void onlyPickersAreAskedWhatTheyCouldNotRead() {
        assertThatThrownBy(() -> UkPickers.unreadable(new com.vaadin.flow.component.html.Span("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTimeSaysHowToTypeOne() {
        var picker = UkPickers.time("From");
        assertThat(picker.getI18n().getBadInputErrorMessage()).isEqualTo(UkPickers.BAD_TIME);
        assertThat(picker.getPlaceholder()).isEqualTo("hh:mm");
    }
}
