package app.thaw.intake.ui;

import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * The GOV.UK error summary: "There is a problem" at the top of the step, one link per question naming it and
 * saying what to fix, each taking the client to that question. It takes focus, so a screen reader reads it first.
 */
class ErrorSummary extends Div {

    /** A link moves focus to its question's first input and scrolls the question (label included) into view. */
    private static final String FOLLOW_LINKS = """
            this.addEventListener('click', event => {
              const link = event.target.closest('a[data-question]');
              const question = link && document.getElementById(link.dataset.question);
              if (!question) { return; }
              event.preventDefault();
              question.scrollIntoView({ block: 'start' });
              (question.querySelector('input, textarea') || question).focus({ preventScroll: true });
            });
            """;

    ErrorSummary() {
        addClassName("error-summary");
        getElement().setAttribute("tabindex", "-1");
        getElement().setAttribute("aria-labelledby", "error-summary-title");
        setVisible(false);
        addAttachListener(attach -> getElement().executeJs(FOLLOW_LINKS));
    }

    /** @param questionOf the question's words for an item id */
    void show(Map<String, String> errors, Function<String, String> questionOf) {
        removeAll();
        var list = new UnorderedList();
        list.addClassName("error-summary-list");
        errors.forEach((itemId, message) -> {
            var link = new Anchor("#" + AnswerInputs.domId(itemId), line(questionOf.apply(itemId), message));
            link.getElement().setAttribute("data-question", AnswerInputs.domId(itemId));
            link.getElement().setAttribute("router-ignore", true);
            list.add(new ListItem(link));
        });
        var title = new H2("There is a problem");
        title.setId("error-summary-title");
        add(title, list);
        setVisible(true);
        getElement().callJsFunction("focus");
    }

    void clear() {
        removeAll();
        setVisible(false);
    }

    /**
     * "Trouble relaxing: please choose an answer" — the question named, so two questions with the same problem
     * never read alike. A message that already names its question (the date's do) stands alone.
     */
    static String line(String question, String message) {
        if (question == null || question.isBlank() || message.startsWith(question)) {
            return message;
        }
        boolean plainStart = message.length() > 1 && Character.isUpperCase(message.charAt(0))
                && Character.isLowerCase(message.charAt(1));
        String rest = plainStart ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
        String asked = question.strip().replaceAll("[?:.]$", "");
        return asked + ": " + rest;
    }
}
