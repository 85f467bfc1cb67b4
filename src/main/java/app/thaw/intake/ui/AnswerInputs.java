package app.thaw.intake.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;

import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.Option;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;

import org.jspecify.annotations.Nullable;

/** Builds the field for each kind of question; labels, hints and limits all come from the definition. */
final class AnswerInputs {

    private static final Map<String, Autocomplete> AUTOCOMPLETE = Map.of(
            "about.full_name", Autocomplete.NAME,
            "about.preferred_name", Autocomplete.NICKNAME,
            "about.email", Autocomplete.EMAIL,
            "about.phone", Autocomplete.TEL);

    private AnswerInputs() {
    }

    static AnswerInput create(QuestionnaireDefinition definition, Item item) {
        AnswerInput input = switch (item.kind()) {
            case TEXT, EMAIL, PHONE -> text(item, new TextField());
            case LONG_TEXT -> text(item, new TextArea());
            case DATE -> date(item);
            case SINGLE_CHOICE, SCALE -> radio(definition, item);
            case MULTI_CHOICE -> checkboxes(definition, item);
            case CONSENT -> consent(item);
        };
        // the error summary links here, and the browser test finds each question by it
        input.component().setId(domId(item.id()));
        return input;
    }

    /** "q-about-full_name": an id for the question's field that any link can point at. */
    static String domId(String itemId) {
        return "q-" + itemId.replace('.', '-');
    }

    /**
     * Typed answers have no maxlength: a browser would cut a long paste without a word. The count under the field
     * says how close the limit is, and the form refuses an answer over it with a message instead.
     */
    private static <F extends AbstractField<F, String> & HasValidation & Focusable<F> & HasValueChangeMode>
            AnswerInput text(Item item, F field) {
        if (field instanceof TextField textField) {
            textField.setLabel(item.text());
            textField.setRequiredIndicatorVisible(item.required());
            textField.setWidthFull();
            textField.setManualValidation(true);
            textField.setAutocomplete(AUTOCOMPLETE.getOrDefault(item.id(), Autocomplete.OFF));
            if (item.kind() == app.thaw.intake.questionnaire.ItemKind.EMAIL) {
                InputModes.set(textField, "email");
            } else if (item.kind() == app.thaw.intake.questionnaire.ItemKind.PHONE) {
                InputModes.set(textField, "tel");
            }
        } else if (field instanceof TextArea area) {
            area.setLabel(item.text());
            area.setRequiredIndicatorVisible(item.required());
            area.setWidthFull();
            area.setMinHeight("8em");
            area.setManualValidation(true);
        }
        helper(field, item);
        // Save while typing, not only on leaving the field: a closed tab then loses at most a second or two.
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(1200);
        return new FieldInput<>(item, field, value -> value.isEmpty() ? List.of() : List.of(value),
                values -> values.isEmpty() ? "" : values.getFirst());
    }

    /** The question's hint, and for free text the character count under it. */
    private static void helper(AbstractField<?, String> field, Item item) {
        boolean counted = item.kind() == app.thaw.intake.questionnaire.ItemKind.TEXT
                || item.kind() == app.thaw.intake.questionnaire.ItemKind.LONG_TEXT;
        if (!counted) {
            if (field instanceof TextField textField) {
                textField.setHelperText(item.help());
            }
            return;
        }
        var helper = new Div();
        helper.addClassName("field-hint");
        if (item.help() != null) {
            helper.add(new Span(item.help()));
        }
        helper.add(CharacterCount.attach(field, item.effectiveMaxLength()));
        if (field instanceof TextField textField) {
            textField.setHelperComponent(helper);
        } else if (field instanceof TextArea area) {
            area.setHelperComponent(helper);
        }
    }

    private static AnswerInput date(Item item) {
        var input = new DateInput(item.text(), item.adultOnly());
        input.setHelperText(item.help() != null ? item.help() : "For example, 14 3 1986");
        // required is said on the three boxes: ARIA allows no aria-required on the group around them
        input.setBoxesRequired(item.required());
        return new DateAnswerInput(item, input);
    }

    private static AnswerInput radio(QuestionnaireDefinition definition, Item item) {
        var group = new RadioButtonGroup<String>(item.text());
        Map<String, String> labels = labels(definition, item);
        group.setItems(List.copyOf(labels.keySet()));
        group.setItemLabelGenerator(labels::get);
        group.setHelperText(item.help());
        group.setRequiredIndicatorVisible(item.required());
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.setManualValidation(true);
        return new FieldInput<>(item, group, value -> value == null ? List.of() : List.of(value),
                values -> values.isEmpty() || !labels.containsKey(values.getFirst()) ? null : values.getFirst());
    }

    private static AnswerInput checkboxes(QuestionnaireDefinition definition, Item item) {
        var group = new CheckboxGroup<String>(item.text());
        Map<String, String> labels = labels(definition, item);
        group.setItems(List.copyOf(labels.keySet()));
        group.setItemLabelGenerator(labels::get);
        group.setHelperText(item.help());
        // no required indicator: ARIA allows no aria-required on a group of checkboxes; the hint says what to do
        group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        group.setManualValidation(true);
        List<String> order = List.copyOf(labels.keySet());
        return new FieldInput<>(item, group,
                selected -> order.stream().filter(selected::contains).toList(),
                values -> values.stream().filter(labels::containsKey).collect(Collectors.toSet()));
    }

    private static AnswerInput consent(Item item) {
        var box = new Checkbox(item.text());
        box.setHelperText(item.help());
        box.setRequiredIndicatorVisible(item.required());
        return new FieldInput<>(item, box, ticked -> Boolean.TRUE.equals(ticked) ? List.of("true") : List.of(),
                values -> values.contains("true"));
    }

    private static Map<String, String> labels(QuestionnaireDefinition definition, Item item) {
        return definition.optionsFor(item).stream().collect(Collectors.toMap(Option::value, Option::label,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The date question: one answer string for the three boxes, and the boxes a message is about marked. */
    private record DateAnswerInput(Item item, DateInput field) implements AnswerInput {

        @Override
        public Component component() {
            return field;
        }

        @Override
        public List<String> values() {
            String value = field.getValue();
            return value == null || value.isEmpty() ? List.of() : List.of(value);
        }

        @Override
        public void setValues(List<String> values) {
            field.setValue(values.isEmpty() ? "" : values.getFirst());
        }

        @Override
        public void setError(@Nullable String message) {
            field.setErrorMessage(message);
            field.setInvalid(message != null);
            field.markParts(message == null ? java.util.Set.of() : app.thaw.intake.questionnaire.DateAnswers
                    .read(values().isEmpty() ? "" : values().getFirst(), "").wrongParts());
        }

        @Override
        public void focus() {
            field.focus();
        }

        @Override
        public void onChange(Runnable listener) {
            field.addValueChangeListener(event -> listener.run());
        }
    }

    /** Adapts a Vaadin field to an answer: how its value becomes stored strings and back. */
    private record FieldInput<V, F extends AbstractField<F, V> & HasValidation>(
            Item item, F field, Function<V, List<String>> toValues, Function<List<String>, V> fromValues)
            implements AnswerInput {

        @Override
        public Component component() {
            return field;
        }

        @Override
        public List<String> values() {
            V value = field.getValue();
            return value == null ? List.of() : toValues.apply(value);
        }

        @Override
        public void setValues(List<String> values) {
            V value = fromValues.apply(values);
            field.setValue(value == null ? field.getEmptyValue() : value);
        }

        @Override
        public void setError(@Nullable String message) {
            field.setErrorMessage(message);
            field.setInvalid(message != null);
        }

        @Override
        public void focus() {
            if (field instanceof Focusable<?> focusable) {
                focusable.focus();
            } else {
                field.getElement().callJsFunction("focus");
            }
        }

        @Override
        public void onChange(Runnable listener) {
            field.addValueChangeListener(event -> {
                if (event.isFromClient()) {
                    listener.run();
                }
            });
        }
    }
}
