package app.thaw.review.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import app.thaw.intake.Amendment;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.Option;

/**
 * Corrects one answer (a new phone number, a mistyped date, the ways it is now safe to contact the client) as a dated
 * amendment; the original stays.
 */
class AmendAnswerDialog extends Dialog {

    interface Save {
        Optional<String> save(String itemId, List<String> values, String reason);
    }

    private final TextField text = new TextField("Corrected answer");
    private final Select<Option> choice = new Select<>();
    private final CheckboxGroup<Option> choices = new CheckboxGroup<>("Corrected answer");

    AmendAnswerDialog(SubmittedIntake intake, Save save, Runnable saved) {
        setHeaderTitle("Correct an answer");
        setWidth("min(36rem, 95vw)");
        var question = new ComboBox<Item>("Question");
        question.setItems(intake.questionnaire().items().stream()
                .filter(SubmittedIntake::correctable).toList());
        question.setItemLabelGenerator(Item::text);
        question.setWidthFull();
        text.setWidthFull();
        text.setHelperText("Dates as yyyy-mm-dd, for example 1985-03-14.");
        choice.setLabel("Corrected answer");
        choice.setItemLabelGenerator(Option::label);
        choice.setVisible(false);
        choices.setItemLabelGenerator(Option::label);
        choices.setVisible(false);
        question.addValueChangeListener(change -> {
            Item item = change.getValue();
            boolean options = item != null && item.kind().hasOptions();
            boolean several = options && !item.kind().isSingleValued();
            choice.setVisible(options && !several);
            choices.setVisible(several);
            text.setVisible(!options);
            if (several) {
                choices.setItems(intake.questionnaire().optionsFor(item));
                // what the client said last, so the therapist changes only what the client asked to change
                var now = intake.latestAmendment(item.id()).map(Amendment::values)
                        .orElse(intake.answers().multi(item.id()));
                choices.setValue(intake.questionnaire().optionsFor(item).stream()
                        .filter(option -> now.contains(option.value())).collect(java.util.stream.Collectors.toSet()));
            } else if (options) {
                choice.setItems(intake.questionnaire().optionsFor(item));
            }
        });
        var reason = new TextArea("Why is it corrected?");
        reason.setMaxLength(Amendment.REASON_MAX);
        reason.setWidthFull();
        var ok = new Button("Save correction", click -> {
            if (question.getValue() == null) {
                question.setInvalid(true);
                question.setErrorMessage("Choose the question to correct");
                return;
            }
            List<String> values = choices.isVisible() ? intake.questionnaire().optionsFor(question.getValue()).stream()
                    .filter(choices.getSelectedItems()::contains).map(Option::value).toList()
                    : question.getValue().kind().hasOptions()
                    ? choice.getValue() == null ? List.of() : List.of(choice.getValue().value())
                    : text.getValue().isBlank() ? List.of() : List.of(text.getValue());
            save.save(question.getValue().id(), values, reason.getValue()).ifPresentOrElse(problem -> {
                text.setErrorMessage(problem);
                text.setInvalid(text.isVisible());
                choice.setErrorMessage(problem);
                choice.setInvalid(choice.isVisible());
                choices.setErrorMessage(problem);
                choices.setInvalid(choices.isVisible());
                reason.setInvalid(problem.startsWith("Please say why"));
                reason.setErrorMessage(problem);
            }, () -> {
                close();
                saved.run();
            });
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(question, text, choice, choices, reason);
        getFooter().add(new Button("Cancel", click -> close()), ok);
    }
}
