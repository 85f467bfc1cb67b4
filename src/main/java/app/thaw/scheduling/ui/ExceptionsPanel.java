package app.thaw.scheduling.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

import app.thaw.Application;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.DiarySetupService.ExceptionView;

/** Dated changes to the usual week: holidays and sickness (all day or part), or extra hours. */
class ExceptionsPanel extends Div {

    enum Kind {
        AWAY_ALL_DAY("Away all day (holiday, sick)"), AWAY_PART("Away part of the day"), EXTRA("Extra hours");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final DiarySetupService setup;
    private final long therapistId;
    private final Clock clock;
    private final Runnable onChange;
    private final UnorderedList list = new UnorderedList();
    private final DatePicker day = new DatePicker("Date");
    private final Select<Kind> kind = new Select<>();
    private final TimePicker starts = WeeklyHoursPanel.timePicker("From");
    private final TimePicker ends = WeeklyHoursPanel.timePicker("To");
    private final TextField note = new TextField("Note (optional)");

    ExceptionsPanel(DiarySetupService setup, long therapistId, Clock clock, Runnable onChange) {
        this.setup = setup;
        this.therapistId = therapistId;
        this.clock = clock;
        this.onChange = onChange;
        addClassName("working-exceptions");
        list.addClassName("hours-list");
        day.setLocale(Locale.UK);
        day.setManualValidation(true);
        day.setMin(today());
        kind.setLabel("Kind");
        kind.setWidth("17rem");
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> k.label);
        kind.setValue(Kind.AWAY_ALL_DAY);
        kind.addValueChangeListener(change -> times());
        note.setMaxLength(200);
        times();
        var add = new Button("Add", click -> add());
        var form = new FlexLayout(day, kind, starts, ends, note, add);
        form.addClassName("settings-form");
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexLayout.Alignment.BASELINE);
        add(new H4("Holidays, sickness and extra hours"), list, form);
        render();
    }

    private void times() {
        boolean timed = kind.getValue() != Kind.AWAY_ALL_DAY;
        starts.setVisible(timed);
        ends.setVisible(timed);
    }

    private void add() {
        day.setInvalid(false);
        ends.setInvalid(false);
        if (day.getValue() == null) {
            day.setErrorMessage("Choose a date.");
            day.setInvalid(true);
            return;
        }
        boolean timed = kind.getValue() != Kind.AWAY_ALL_DAY;
        try {
            setup.addException(therapistId, day.getValue(), kind.getValue() == Kind.EXTRA,
                    timed ? starts.getValue() : null, timed ? ends.getValue() : null, note.getValue());
            Toasts.success("Added " + DiaryFormat.DAY.format(day.getValue()) + ": " + kind.getValue().label + ".");
            note.clear();
            render();
            onChange.run();
        } catch (IllegalArgumentException refused) {
            ends.setVisible(true);
            ends.setErrorMessage(refused.getMessage());
            ends.setInvalid(true);
        }
    }

    private void render() {
        list.removeAll();
        var upcoming = setup.exceptions(therapistId, today(), today().plusYears(1));
        if (upcoming.isEmpty()) {
            list.add(new ListItem(new Paragraph("Nothing planned.")));
        }
        upcoming.forEach(exception -> list.add(new ListItem(describe(exception))));
    }

    static String describe(ExceptionView exception) {
        String when = exception.starts() == null ? "all day"
                : DiaryFormat.TIME.format(exception.starts()) + "–" + DiaryFormat.TIME.format(exception.ends());
        return DiaryFormat.DAY.format(exception.day()) + ": " + (exception.extra() ? "extra hours " : "away ") + when
                + (exception.note() == null ? "" : " (" + exception.note() + ")");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Application.PRACTICE_ZONE));
    }
}
