package app.thaw.privacy.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.datepicker.DatePicker;

import org.jspecify.annotations.Nullable;

import app.thaw.base.PracticeTime;

/** Dates as people in the UK write and read them: 31/01/2026, 31/1/26, 31.01.2026; shown as 31 January 2026. */
final class UkDates {

    static final DateTimeFormatter LONG = PracticeTime.LONG_DATE;

    private UkDates() {
    }

    /** A date field that reads the usual UK ways of typing a date, and says what it expects when it can't. */
    static DatePicker picker(String label, @Nullable LocalDate max) {
        var picker = new DatePicker(label);
        picker.setLocale(Locale.UK);
        var i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormats("dd/MM/yyyy", List.of("d/M/yyyy", "d/M/yy", "d.M.yyyy", "d.M.yy", "d-M-yyyy", "d-M-yy",
                "yyyy-MM-dd").toArray(String[]::new));
        i18n.setFirstDayOfWeek(1);
        i18n.setBadInputErrorMessage("Type the date as day/month/year, for example 31/01/2026.");
        i18n.setRequiredErrorMessage("Enter the date.");
        i18n.setMaxErrorMessage("The date can't be in the future.");
        picker.setI18n(i18n);
        picker.setPlaceholder("DD/MM/YYYY");
        picker.setMax(max);
        return picker;
    }

    static String format(@Nullable LocalDate day) {
        return day == null ? "" : LONG.format(day);
    }
}
