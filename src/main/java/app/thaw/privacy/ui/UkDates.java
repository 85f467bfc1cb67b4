package app.thaw.privacy.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.datepicker.DatePicker;

import org.jspecify.annotations.Nullable;

import app.thaw.base.PracticeTime;
import app.thaw.base.ui.UkPickers;

/** Dates as people in the UK write and read them: 31/01/2026, 31/1/26, 31.01.2026; shown as 31 January 2026. */
final class UkDates {

    static final DateTimeFormatter LONG = PracticeTime.LONG_DATE;

    private UkDates() {
    }

    /** A date field that reads the usual UK ways of typing a date, and says what it expects when it can't. */
    static DatePicker picker(String label, @Nullable LocalDate max) {
        var picker = UkPickers.date(label);
        picker.setI18n(picker.getI18n().setRequiredErrorMessage("Enter the date.")
                .setMaxErrorMessage("The date can't be in the future."));
        picker.setMax(max);
        return picker;
    }

    static String format(@Nullable LocalDate day) {
        return day == null ? "" : LONG.format(day);
    }
}
