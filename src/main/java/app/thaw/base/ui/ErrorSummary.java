package app.thaw.base.ui;

import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * The GOV.UK error summary: "There is a problem" (or the page's own title) at the top of a form, one link per question
 * naming it and saying what to fix, each taking the client to that question. It takes focus, so a screen reader reads
 * it first. The intake's steps and the measures form share it.
 */
public class ErrorSummary extends Div {

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

    private final String title;

    public ErrorSummary() {
        this("There is a problem");
    }

    public ErrorSummary(String title) {
        this.title = title;
        addClassName("error-summary");
        getElement().setAttribute("tabindex", "-1");
        getElement().setAttribute("aria-labelledby", "error-summary-title");
        setVisible(false);
        addAttachListener(attach -> getElement().executeJs(FOLLOW_LINKS));
    }

    /**
     * @param questionOf the question's words for an item id
     * @param elementOf the id of the item's question on the page, which its link goes to
     */
    public void show(Map<String, String> errors, Function<String, String> questionOf,
                     Function<String, String> elementOf) {
        removeAll();
        var list = new UnorderedList();
        list.addClassName("error-summary-list");
        errors.forEach((itemId, message) -> {
            String question = elementOf.apply(itemId);
            var link = new Anchor("#" + question, line(questionOf.apply(itemId), message));
            link.getElement().setAttribute("data-question", question);
            link.getElement().setAttribute("router-ignore", true);
            list.add(new ListItem(link));
        });
        var heading = new H2(title);
        heading.setId("error-summary-title");
        add(heading, list);
        setVisible(true);
        getElement().callJsFunction("focus");
    }

    public void clear() {
        removeAll();
        setVisible(false);
    }

    /**
     * "Trouble relaxing: please choose an answer" — the question named, so two questions with the same problem
     * never read alike. A message that already names its question (the date's do) stands alone.
     */
    public static String line(String question, String message) {
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
