package app.thaw.intake.ui;

import java.util.List;
import java.util.function.IntConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

import app.thaw.intake.questionnaire.AnswerText;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.Section;
import app.thaw.intake.questionnaire.Visibility;

/** Everything the client is about to send, section by section, each with a way back to change it. */
class ReviewSummary extends Div {

    ReviewSummary(QuestionnaireDefinition definition, Answers answers, IntConsumer changeSection) {
        addClassName("review-summary");
        var visibility = Visibility.of(definition);
        List<Section> sections = definition.sections();
        for (int index = 0; index < sections.size(); index++) {
            Section section = sections.get(index);
            int target = index;
            var change = new Button("Change", click -> changeSection.accept(target));
            change.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            change.setAriaLabel("Change " + section.title());
            var heading = new H3(section.title());
            var header = new Div(heading, change);
            header.addClassName("review-section-header");
            var list = new DescriptionList();
            for (Item item : visibility.visibleItems(section, answers)) {
                List<String> values = answers.multi(item.id());
                list.add(new DescriptionList.Term(item.text()),
                        new DescriptionList.Description(AnswerText.describe(definition, item, values)));
            }
            var block = new Div(header, list);
            block.addClassName("review-section");
            add(block);
        }
    }
}
