package app.thaw.scheduling.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;

import app.thaw.base.ui.UkPickers;
import app.thaw.base.PracticeTime;
import app.thaw.scheduling.ClosedDayRefused;
import app.thaw.scheduling.LeaveService.ClosedDayView;
import app.thaw.base.ui.Toasts;

/**
 * The days the practice is closed: England and Wales bank holidays (closed unless opened here) and the practice's own
 * closures. No session can be booked on a closed day; closing one lists the sessions already booked on it.
 */
class ClosedDaysPanel extends Div {

    private static final DateTimeFormatter DAY = PracticeTime.DAY_DATE;

    private final DiaryContext diary;
    private final UnorderedList list = new UnorderedList();
    private final DatePicker day = UkPickers.date("Date");
    private final TextField name = new TextField("Why the practice is closed");

    ClosedDaysPanel(DiaryContext diary) {
        this.diary = diary;
        addClassNames("settings-panel", "closed-days");
        list.addClassName("hours-list");
        day.setManualValidation(true);
        day.setMin(diary.now().toLocalDate());
        name.setMaxLength(80);
        name.setManualValidation(true);
        name.setPlaceholder("e.g. Staff training day");
        var add = new Button("Close the practice that day", click -> add());
        var form = new FlexLayout(day, name, add);
        form.addClassName("settings-form");
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexLayout.Alignment.BASELINE);
        add(new H3("Closed days"), new Paragraph("Bank holidays in England and Wales are closed unless you open them. "
                + "Nobody can be booked on a closed day."), list, form);
        render();
    }

    private void add() {
        day.setInvalid(false);
        name.setInvalid(false);
        if (UkPickers.unreadable(day)) {
            return;
        }
        try {
            LocalDate closed = day.getValue();
            var booked = diary.leave().closeDay(closed, name.getValue());
            Toasts.success("The practice is closed on " + DAY.format(closed) + ".");
            name.clear();
            render();
            if (!booked.isEmpty()) {
                new AffectedSessionsDialog(diary, "Sessions on a closed day", DAY.format(closed), booked,
                        () -> diary.scheduling().sessions(null, closed, closed).stream()
                                .filter(s -> s.state() == app.thaw.scheduling.AppointmentState.BOOKED).toList(),
                        "The practice is closed that day", () -> { }).open();
            }
        } catch (ClosedDayRefused refused) {
            refused.problems().forEach((field, message) -> {
                HasValidation input = field == ClosedDayRefused.Field.DATE ? day : name;
                input.setErrorMessage(message);
                input.setInvalid(true);
            });
        }
    }

    private void render() {
        list.removeAll();
        LocalDate today = diary.now().toLocalDate();
        var days = diary.leave().closedDays(today, today.plusYears(1).withDayOfYear(1).plusYears(1).minusDays(1));
        if (days.isEmpty()) {
            list.add(new ListItem(new Paragraph("No closed days ahead.")));
        }
        for (ClosedDayView closed : days) {
            var text = new Span(DAY.format(closed.day()) + " · " + closed.name() + " · "
                    + (closed.open() ? "open" : "closed"));
            Button change;
            if (closed.bankHoliday()) {
                change = new Button(closed.open() ? "Close again" : "Open this day", click -> {
                    diary.leave().setBankHolidayOpen(closed.day(), !closed.open());
                    Toasts.success(closed.name() + (closed.open() ? ": closed again." : ": the practice is open."));
                    render();
                });
            } else {
                change = new Button("Remove", click -> {
                    diary.leave().removeClosure(closed.day());
                    Toasts.success(DAY.format(closed.day()) + " is an ordinary day again.");
                    render();
                });
            }
            change.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            change.setAriaLabel(change.getText() + ": " + closed.name() + ", " + DAY.format(closed.day()));
            list.add(new ListItem(text, change));
        }
    }
}
