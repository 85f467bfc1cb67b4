package app.thaw.intake.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.base.ui.PublicLayout;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.ItemKind;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.Section;
import app.thaw.intake.questionnaire.Visibility;

/** One step of the wizard: every question of a section, shown or hidden as earlier answers decide. */
class SectionForm extends Div {

    private final Section section;
    private final Visibility visibility;
    private final Map<String, AnswerInput> inputs = new LinkedHashMap<>();
    private final Map<String, Div> blocks = new LinkedHashMap<>();

    SectionForm(QuestionnaireDefinition definition, Section section, Answers answers,
                BiConsumer<String, List<String>> onAnswerChanged) {
        this.section = section;
        this.visibility = Visibility.of(definition);
        addClassName("section-form");
        if (section.intro() != null) {
            add(new Paragraph(section.intro()));
        }
        if (definition.privacyNoticeVersion() != null
                && section.items().stream().anyMatch(item -> item.kind() == ItemKind.CONSENT)) {
            add(privacyNoticeLink());
        }
        String previousStem = null;
        for (Item item : section.items()) {
            var block = new Div();
            block.addClassName("question");
            String stem = item.scale() != null ? definition.stemFor(item) : null;
            if (stem != null && !Objects.equals(stem, previousStem)) {
                var stemText = new Paragraph(stem);
                stemText.addClassName("scale-stem");
                block.add(stemText);
            }
            previousStem = stem;
            AnswerInput input = AnswerInputs.create(definition, item);
            input.setValues(answers.multi(item.id()));
            input.onChange(() -> onAnswerChanged.accept(item.id(), input.values()));
            block.add(input.component());
            if (item.note() != null) {
                var note = new Paragraph(item.note());
                note.addClassName("item-note");
                block.add(note);
            }
            inputs.put(item.id(), input);
            blocks.put(item.id(), block);
            add(block);
        }
        updateVisibility(answers);
    }

    Section section() {
        return section;
    }

    /** In a new tab, so reading the notice never takes the person away from their form. */
    private static Paragraph privacyNoticeLink() {
        var link = new Anchor(PublicLayout.PRIVACY_NOTICE, "Read our privacy notice (opens in a new tab)");
        link.setTarget(AnchorTarget.BLANK);
        link.getElement().setAttribute("rel", "noopener");
        link.setId("privacy-notice-link");
        return new Paragraph(link);
    }

    /** Conditional questions appear and disappear; hidden ones keep what was typed in case they return. */
    void updateVisibility(Answers answers) {
        blocks.forEach((itemId, block) -> block.setVisible(visibility.isVisible(itemId, answers)));
    }

    /** Marks every field: the message next to the ones with an error, cleared on the rest. */
    void showErrors(Map<String, String> errors) {
        inputs.forEach((itemId, input) -> input.setError(errors.get(itemId)));
    }

    void focus(String itemId) {
        AnswerInput input = inputs.get(itemId);
        if (input != null) {
            input.focus();
        }
    }

    String labelOf(String itemId) {
        AnswerInput input = inputs.get(itemId);
        return input == null ? itemId : input.item().text();
    }
}
