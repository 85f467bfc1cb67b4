package app.thaw.scheduling.ui;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;

import app.thaw.base.ui.UkPickers;
import app.thaw.base.ids.WorkingHoursId;
import app.thaw.base.ids.StaffId;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.DiarySetupService.HoursView;
import app.thaw.base.ui.Toasts;

/** A therapist's usual week as blocks of UK time; add and remove blocks. */
class WeeklyHoursPanel extends Div {

    private final DiarySetupService setup;
    private final long therapistId;
    private final Runnable onChange;
    private final UnorderedList blocks = new UnorderedList();
    private final Select<DayOfWeek> day = new Select<>();
    private final TimePicker starts = timePicker("From");
    private final TimePicker ends = timePicker("To");

    WeeklyHoursPanel(DiarySetupService setup, long therapistId, Runnable onChange) {
        this.setup = setup;
        this.therapistId = therapistId;
        this.onChange = onChange;
        addClassName("weekly-hours");
        blocks.addClassName("hours-list");
        day.setLabel("Day");
        day.setItems(DayOfWeek.values());
        day.setItemLabelGenerator(WeeklyHoursPanel::dayName);
        day.setValue(DayOfWeek.MONDAY);
        starts.setValue(LocalTime.of(9, 0));
        ends.setValue(LocalTime.of(17, 0));
        var add = new Button("Add hours", click -> add());
        add(new H4("Usual week"), blocks, SettingsRows.form(day, starts, ends, add));
        render();
    }

    private void add() {
        starts.setInvalid(false);
        ends.setInvalid(false);
        if (UkPickers.unreadable(starts, ends)) {
            return;
        }
        SettingsRows.save(ends, () -> {
            if (day.getValue() == null) {
                throw new IllegalArgumentException("Choose a day.");
            }
            setup.addWorkingHours(StaffId.of(therapistId), day.getValue(), starts.getValue(), ends.getValue());
            Toasts.success("Added " + dayName(day.getValue()) + " " + DiaryFormat.TIME.format(starts.getValue()) + "–"
                    + DiaryFormat.TIME.format(ends.getValue()) + ".");
        }, this::render, onChange);
    }

    private void render() {
        blocks.removeAll();
        var hours = setup.workingHours(StaffId.of(therapistId));
        if (hours.isEmpty()) {
            blocks.add(new ListItem(new Paragraph("No working hours yet: the free-slot finder offers no times.")));
        }
        for (HoursView block : hours) {
            blocks.add(SettingsRows.removable(dayName(block.day()) + " " + DiaryFormat.TIME.format(block.starts())
                    + "–" + DiaryFormat.TIME.format(block.ends()),
                    () -> setup.removeWorkingHours(StaffId.of(therapistId), WorkingHoursId.of(block.id())),
                    this::render, onChange));
        }
    }

    static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.UK);
    }

    static TimePicker timePicker(String label) {
        var picker = UkPickers.time(label);
        picker.setManualValidation(true);
        picker.setWidth("8rem");
        return picker;
    }
}
