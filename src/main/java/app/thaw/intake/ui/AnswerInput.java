package app.thaw.intake.ui;

import java.util.List;

import com.vaadin.flow.component.Component;

import app.thaw.intake.questionnaire.Item;

import org.jspecify.annotations.Nullable;

/** One question on screen, whatever its field type: values in and out, an error message, focus. */
interface AnswerInput {

    Item item();

    Component component();

    List<String> values();

    void setValues(List<String> values);

    /** Shows the message next to the field; null clears it. */
    void setError(@Nullable String message);

    void focus();

    void onChange(Runnable listener);
}
