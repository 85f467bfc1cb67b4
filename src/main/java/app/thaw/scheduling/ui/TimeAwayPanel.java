package app.thaw.scheduling.ui;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

import app.thaw.base.ui.UkPickers;
import app.thaw.base.ids.TimeAwayId;
import app.thaw.base.ids.StaffId;
import app.thaw.scheduling.AwayReason;
import app.thaw.scheduling.LeaveService;
import app.thaw.base.ui.Toasts;

/**
 * A therapist's time away: whole days from one date to another, or part of a day, with the reason; removable. Adding
 * it over booked sessions lists them at once, to move or cancel each (the clients are told).
 */
class TimeAwayPanel extends Div {

    static final int NOTE_MAX = 200;

    private final DiaryContext diary;
    private final long therapistId;
    private final Runnable onChange;
    private final UnorderedList list = new UnorderedList();
    private final DatePicker first = UkPickers.date("First day away");
    private final DatePicker last = UkPickers.date("Last day away");
    private final Checkbox partOfDay = new Checkbox("Part of a day");
    private final TimePicker starts = WeeklyHoursPanel.timePicker("From");
    private final TimePicker ends = WeeklyHoursPanel.timePicker("To");
    private final Select<AwayReason> reason = new Select<>();
    private final TextField note = new TextField("Note (optional)");

    TimeAwayPanel(DiaryContext diary, long therapistId, Runnable onChange) {
        this.diary = diary;
        this.therapistId = therapistId;
        this.onChange = onChange;
        addClassName("time-away");
        list.addClassName("hours-list");
        for (DatePicker picker : List.of(first, last)) {
            picker.setManualValidation(true);
            picker.setMin(today());
        }
        first.addValueChangeListener(change -> {
            if (change.getValue() != null && (last.getValue() == null || last.getValue().isBefore(change.getValue()))) {
                last.setValue(change.getValue());
            }
        });
        reason.setLabel("Reason");
        reason.setItems(AwayReason.values());
        reason.setItemLabelGenerator(AwayReason::label);
        reason.setValue(AwayReason.ANNUAL_LEAVE);
        note.setMaxLength(NOTE_MAX);
        partOfDay.addValueChangeListener(change -> times());
        times();
        var add = new Button("Add time away", click -> add());
        var form = new FlexLayout(first, last, partOfDay, starts, ends, reason, note, add);
        form.addClassName("settings-form");
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexLayout.Alignment.BASELINE);
        add(new H4("Time away"), list, form);
        render();
    }

    private void times() {
        boolean part = partOfDay.getValue();
        starts.setVisible(part);
        ends.setVisible(part);
        last.setVisible(!part);
    }

    private void add() {
        first.setInvalid(false);
        last.setInvalid(false);
        starts.setInvalid(false);
        ends.setInvalid(false);
        boolean part = partOfDay.getValue();
        if (part ? UkPickers.unreadable(first, starts, ends) : UkPickers.unreadable(first, last)) {
            return;
        }
        if (first.getValue() == null) {
            first.setErrorMessage("Choose the first day away.");
            first.setInvalid(true);
            return;
        }
        try {
            var added = diary.leave().addTimeAway(StaffId.of(therapistId), first.getValue(), part ? first.getValue()
                    : last.getValue(), part ? starts.getValue() : null, part ? ends.getValue() : null,
                    reason.getValue(), note.getValue());
            Toasts.success("Added: " + added.away().describe() + ".");
            note.clear();
            render();
            onChange.run();
            if (!added.affected().isEmpty()) {
                new AffectedSessionsDialog(diary, added.away(), added.affected(), onChange).open();
            }
        } catch (IllegalArgumentException refused) {
            // the message goes beside the field the person would change: the times, else the last day
            if (part) {
                ends.setErrorMessage(refused.getMessage());
                ends.setInvalid(true);
            } else {
                last.setErrorMessage(refused.getMessage());
                last.setInvalid(true);
            }
        }
    }

    private void render() {
        list.removeAll();
        var upcoming = diary.leave().timeAway(List.of(therapistId), today(), today().plusYears(2));
        if (upcoming.isEmpty()) {
            list.add(new ListItem(new Paragraph("No time away planned.")));
        }
        for (LeaveService.AwayView away : upcoming) {
            var text = new Span(away.describe());
            var sessions = new Button("Sessions in it", click -> {
                var affected = diary.leave().sessionsDuring(StaffId.of(therapistId), TimeAwayId.of(away.id()));
                if (affected.isEmpty()) {
                    Toasts.success("No booked sessions fall in this time away.");
                } else {
                    new AffectedSessionsDialog(diary, away, affected, onChange).open();
                }
            });
            sessions.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            var remove = new Button("Remove", click -> {
                diary.leave().removeTimeAway(StaffId.of(therapistId), TimeAwayId.of(away.id()));
                Toasts.success("Removed: " + away.describe() + ".");
                render();
                onChange.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove " + away.describe());
            list.add(new ListItem(text, sessions, remove));
        }
    }

    private LocalDate today() {
        return diary.now().toLocalDate();
    }
}
