package app.thaw.base.ui;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.HasValidator;
import com.vaadin.flow.data.binder.ValidationResult;

/**
 * Date and time fields as people in the UK type and read them: 31/01/2026, 31/1/26, 31.01.2026 or 2026-01-31; weeks
 * from Monday; 14:30, 2.30pm or 2pm. Whatever cannot be read gets a message under the field, never a silent blank.
 */
public final class UkPickers {

    public static final String BAD_DATE = "Type the date as day/month/year, for example 31/01/2026.";
    public static final String BAD_TIME = "Type the time as hours and minutes, for example 09:30 or 2.30pm.";
    private static final String[] OTHER_DATE_FORMATS = {"d/M/yyyy", "d/M/yy", "d.M.yyyy", "d.M.yy", "d-M-yyyy",
            "d-M-yy", "yyyy-MM-dd"};
    private static final int MONDAY = 1;

    /**
     * Reads "2pm", "2.30 pm" and "12am" (the UK's 24-hour picker otherwise drops the am/pm and books 2pm at 02:00),
     * and refuses hours past 23 or minutes past 59 (it wrapped 25:00 to 01:00) so the field says so.
     */
    private static final String READ_TWELVE_HOUR_TIMES = """
            const host = this;
            // once the connector's own locale set-up in the same response has run
            setTimeout(() => {
            const picker = host.localName === 'vaadin-time-picker' ? host : host.querySelector('vaadin-time-picker');
            const own = picker && picker.i18n;
            if (!own || own.thawTimes) { return; }
            picker.i18n = Object.assign({}, own, { thawTimes: true, parseTime(text) {
              const clock = /^\\s*(\\d{1,2})(?:\\s*[:.]?\\s*(\\d{2}))?\\s*([ap])\\.?\\s*m?\\.?\\s*$/i.exec(text || '');
              if (clock) {
                const hours = +clock[1], minutes = +(clock[2] || 0);
                if (hours < 1 || hours > 12 || minutes > 59) { return undefined; }
                const pm = clock[3].toLowerCase() === 'p';
                return { hours: hours % 12 + (pm ? 12 : 0), minutes: minutes, seconds: 0, milliseconds: 0 };
              }
              const time = own.parseTime(text);
              return time && time.hours < 24 && time.minutes < 60 ? time : undefined;
            } });
            });""";

    private UkPickers() {
    }

    public static DatePicker date(String label) {
        var picker = new DatePicker(label);
        picker.setLocale(Locale.UK);
        picker.setI18n(dateI18n());
        picker.setPlaceholder("dd/mm/yyyy");
        return picker;
    }

    public static DateTimePicker dateTime(String label) {
        var picker = new DateTimePicker(label);
        picker.setLocale(Locale.UK);
        picker.setDatePickerI18n(dateI18n());
        picker.setI18n(new DateTimePicker.DateTimePickerI18n()
                .setBadInputErrorMessage("Type the date as day/month/year and the time as hours and minutes, for"
                        + " example 31/01/2026 and 14:30.")
                .setIncompleteInputErrorMessage("Enter both the date and the time."));
        picker.setDatePlaceholder("dd/mm/yyyy");
        picker.setTimePlaceholder("hh:mm");
        picker.setStep(Duration.ofMinutes(15));
        readTwelveHourTimes(picker);
        return picker;
    }

    public static TimePicker time(String label) {
        var picker = new TimePicker(label);
        picker.setLocale(Locale.UK);
        picker.setStep(Duration.ofMinutes(15));
        picker.setI18n(new TimePicker.TimePickerI18n().setBadInputErrorMessage(BAD_TIME));
        picker.setPlaceholder("hh:mm");
        readTwelveHourTimes(picker);
        return picker;
    }

    private static void readTwelveHourTimes(Component picker) {
        // each attach repeats the connector's locale set-up, which replaces the reading
        picker.addAttachListener(attach -> picker.getElement().executeJs(READ_TWELVE_HOUR_TIMES));
    }

    /**
     * Two dates that bound a range (a filter's "from" and "to"): neither can be chosen past the other, and a date
     * typed past it says so under itself instead of leaving an empty list to puzzle over.
     */
    public static void range(DatePicker first, DatePicker last) {
        first.setI18n(first.getI18n().setMaxErrorMessage("This is after the ‘" + last.getLabel() + "’ date."));
        last.setI18n(last.getI18n().setMinErrorMessage("This is before the ‘" + first.getLabel() + "’ date."));
        last.setMin(first.getValue());
        first.setMax(last.getValue());
        first.addValueChangeListener(change -> last.setMin(change.getValue()));
        last.addValueChangeListener(change -> first.setMax(change.getValue()));
    }

    /**
     * True when what was typed in any of {@code fields} (date, time or date-and-time pickers) could not be read, each
     * such field showing its own message: its value is then empty, and a form must not take that for "left blank".
     */
    public static boolean unreadable(Component... fields) {
        boolean any = false;
        for (Component field : fields) {
            Optional<String> problem = unreadableMessage(field);
            if (problem.isPresent()) {
                var shown = (HasValidation) field;
                shown.setErrorMessage(problem.get());
                shown.setInvalid(true);
                any = true;
            }
        }
        return any;
    }

    /** What the picker says about input it could not read, for a form that shows its problems elsewhere. */
    public static Optional<String> unreadableMessage(Component field) {
        if (!(field instanceof HasValue<?, ?> value && field instanceof HasValidator<?> validated
                && field instanceof HasValidation)) {
            throw new IllegalArgumentException("not a picker: " + field.getClass().getSimpleName());
        }
        if (value.getValue() != null) {
            return Optional.empty();
        }
        ValidationResult result = validated.getDefaultValidator().apply(null, null);
        return result.isError() ? Optional.of(result.getErrorMessage()) : Optional.empty();
    }

    private static DatePicker.DatePickerI18n dateI18n() {
        return new DatePicker.DatePickerI18n().setDateFormats("dd/MM/yyyy", OTHER_DATE_FORMATS)
                .setFirstDayOfWeek(MONDAY).setBadInputErrorMessage(BAD_DATE);
    }
}
