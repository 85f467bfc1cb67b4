package app.thaw.intake.ui;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;

/** The last step: the answers to check, a hidden field only programs fill in, and one send button. */
class ReviewStep extends Div {

    private final Div problem = new Div();
    private final Element honeypot = new Element("input");
    private final Button send;

    ReviewStep(QuestionnaireDefinition definition, Answers answers, IntConsumer changeSection,
               Consumer<Boolean> submit) {
        addClassName("review-step");
        problem.addClassName("submit-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);

        honeypot.setAttribute("type", "text");
        honeypot.setAttribute("name", "website");
        honeypot.setAttribute("tabindex", "-1");
        honeypot.setAttribute("autocomplete", "off");
        honeypot.setAttribute("aria-label", "Leave this empty");
        honeypot.addPropertyChangeListener("value", "change", event -> { });
        var trap = new Div();
        trap.addClassName("hp-field");
        trap.getElement().setAttribute("aria-hidden", "true");
        trap.getElement().appendChild(new Element("label").setText("Leave this empty"), honeypot);

        send = new Button("Send my form", click -> {
            problem.setVisible(false);
            submit.accept(!honeypot.getProperty("value", "").isEmpty());
            click.getSource().setEnabled(true);
        });
        send.setDisableOnClick(true);
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        send.addClassName("send-form");

        add(new Paragraph("Please check your answers. You can change anything before you send the form. "
                        + "Once sent, your answers go to the practice's therapists only."),
                new ReviewSummary(definition, answers, changeSection), trap, problem, send);
    }

    void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }
}
