package app.thaw.intake.ui;

import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;

import app.thaw.intake.questionnaire.DateAnswers;

/**
 * The GOV.UK date input: day, month and year in three boxes under one question. The month takes a number or a
 * name; a whole date pasted into the day box (14/03/1986, 14 March 1986) is spread over the three. The value is
 * the answer to keep ({@link DateAnswers#join}): ISO once the boxes make a date, else what was typed.
 */
class DateInput extends CustomField<String> {

    private final TextField day = box("Day", "bday-day", "date-day");
    private final TextField month = box("Month", "bday-month", "date-month");
    private final TextField year = box("Year", "bday-year", "date-year");

    DateInput(String label, boolean dateOfBirth) {
        setLabel(label);
        addClassName("date-input");
        if (!dateOfBirth) {
            List.of(day, month, year).forEach(box -> box.getElement().setAttribute("autocomplete", "off"));
        }
        var boxes = new Div(day, month, year);
        boxes.addClassName("date-input-boxes");
        add(boxes);
        day.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                spreadPastedDate();
            }
        });
        // Browserless tests and the server's own changes come without the web component's "change" event.
        List.of(day, month, year).forEach(box -> box.addValueChangeListener(change -> updateValue()));
    }

    @Override
    protected String generateModelValue() {
        return DateAnswers.join(day.getValue(), month.getValue(), year.getValue());
    }

    @Override
    protected void setPresentationValue(String value) {
        List<String> parts = DateAnswers.split(value);
        day.setValue(parts.get(0));
        month.setValue(parts.get(1));
        year.setValue(parts.get(2));
    }

    void setBoxesRequired(boolean required) {
        List.of(day, month, year).forEach(box -> box.setRequiredIndicatorVisible(required));
    }

    /** Marks just the boxes a message is about (all three when the date as a whole is wrong). */
    void markParts(Set<DateAnswers.Part> parts) {
        day.setInvalid(parts.contains(DateAnswers.Part.DAY));
        month.setInvalid(parts.contains(DateAnswers.Part.MONTH));
        year.setInvalid(parts.contains(DateAnswers.Part.YEAR));
    }

    private void spreadPastedDate() {
        if (month.isEmpty() && year.isEmpty()) {
            DateAnswers.parts(day.getValue()).ifPresent(parts -> {
                day.setValue(parts.get(0));
                month.setValue(parts.get(1));
                year.setValue(parts.get(2));
            });
        }
    }

    private static TextField box(String label, String autocomplete, String className) {
        var box = new TextField(label);
        box.addClassName(className);
        // a number pad, as GOV.UK does; a month typed as a name on a full keyboard is understood too
        InputModes.set(box, "numeric");
        box.getElement().setAttribute("autocomplete", autocomplete);
        box.setManualValidation(true);
        return box;
    }
}
