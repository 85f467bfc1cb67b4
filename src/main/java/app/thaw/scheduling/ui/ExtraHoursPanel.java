package app.thaw.scheduling.ui;

import java.time.LocalDate;
import java.time.LocalTime;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

import app.thaw.base.ui.UkPickers;
import app.thaw.base.ids.ExtraHoursId;
import app.thaw.base.ids.StaffId;
import app.thaw.scheduling.DiarySetupService.ExceptionView;
import app.thaw.base.ui.Toasts;

/** Extra hours on a date, beyond the usual week (an evening clinic, a Saturday); removable. */
class ExtraHoursPanel extends Div {

    private final DiaryContext diary;
    private final long therapistId;
    private final Runnable onChange;
    private final UnorderedList list = new UnorderedList();
    private final DatePicker day = UkPickers.date("Date");
    private final TimePicker starts = WeeklyHoursPanel.timePicker("From");
    private final TimePicker ends = WeeklyHoursPanel.timePicker("To");
    private final TextField note = new TextField("Note (optional)");

    ExtraHoursPanel(DiaryContext diary, long therapistId, Runnable onChange) {
        this.diary = diary;
        this.therapistId = therapistId;
        this.onChange = onChange;
        addClassName("extra-hours");
        list.addClassName("hours-list");
        day.setManualValidation(true);
        day.setMin(today());
        starts.setValue(LocalTime.of(17, 0));
        ends.setValue(LocalTime.of(20, 0));
        note.setMaxLength(TimeAwayPanel.NOTE_MAX);
        var add = new Button("Add extra hours", click -> add());
        add(new H4("Extra hours"), list, SettingsRows.form(day, starts, ends, note, add));
        render();
    }

    private void add() {
        day.setInvalid(false);
        ends.setInvalid(false);
        starts.setInvalid(false);
        if (UkPickers.unreadable(day, starts, ends)) {
            return;
        }
        if (day.getValue() == null) {
            day.setErrorMessage("Choose a date.");
            day.setInvalid(true);
            return;
        }
        SettingsRows.save(ends, () -> {
            diary.setup().addException(StaffId.of(therapistId), day.getValue(), true, starts.getValue(),
                    ends.getValue(),
                    note.getValue());
            Toasts.success("Added extra hours on " + DiaryFormat.DAY.format(day.getValue()) + ".");
            note.clear();
        }, this::render, onChange);
    }

    private void render() {
        list.removeAll();
        var upcoming = diary.setup().exceptions(StaffId.of(therapistId), today(), today().plusYears(1));
        if (upcoming.isEmpty()) {
            list.add(new ListItem(new Paragraph("No extra hours planned.")));
        }
        for (ExceptionView extra : upcoming) {
            list.add(SettingsRows.removable(describe(extra),
                    () -> diary.setup().removeException(StaffId.of(therapistId), ExtraHoursId.of(extra.id())),
                    this::render, onChange));
        }
    }

    static String describe(ExceptionView extra) {
        return DiaryFormat.DAY.format(extra.day()) + ": extra hours " + DiaryFormat.TIME.format(extra.starts()) + "–"
                + DiaryFormat.TIME.format(extra.ends()) + (extra.note() == null ? "" : " (" + extra.note() + ")");
    }

    private LocalDate today() {
        return diary.now().toLocalDate();
    }
}
