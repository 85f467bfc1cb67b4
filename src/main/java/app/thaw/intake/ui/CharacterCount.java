package app.thaw.intake.ui;

import java.text.NumberFormat;
import java.util.Locale;

import com.vaadin.flow.component.html.Span;

/**
 * The GOV.UK character count: says how many characters are left once an answer nears its limit, and how many
 * too many when past it. Nothing is cut: the field takes any length and the form says what to shorten.
 */
final class CharacterCount {

    /** Shown from three quarters of the limit, as GOV.UK's threshold option does. */
    static final double THRESHOLD = 0.75;

    private static final String UPDATE_WHILE_TYPING = """
            const field = this, counter = $0, max = $1, from = $2;
            const uk = n => n.toLocaleString('en-GB');
            field.addEventListener('input', () => {
              const length = [...(field.value || '')].length;
              const over = length > max;
              counter.textContent = length < from ? ''
                : over ? 'You have ' + uk(length - max) + (length - max === 1 ? ' character' : ' characters') + ' too many'
                : 'You have ' + uk(max - length) + (max - length === 1 ? ' character' : ' characters') + ' left';
              counter.classList.toggle('over', over);
            });
            """;

    private CharacterCount() {
    }

    /** The count line under a field, kept up to date as the client types (and from the server's own value). */
    static Span attach(com.vaadin.flow.component.AbstractField<?, String> field, int max) {
        var counter = new Span();
        counter.addClassName("char-count");
        counter.getElement().setAttribute("aria-live", "polite");
        int from = (int) Math.ceil(max * THRESHOLD);
        field.getElement().executeJs(UPDATE_WHILE_TYPING, counter.getElement(), max, from);
        field.addValueChangeListener(change -> show(counter, change.getValue(), max));
        return counter;
    }

    static void show(Span counter, String value, int max) {
        counter.setText(text(value == null ? 0 : value.codePointCount(0, value.length()), max));
        counter.setClassName("over", value != null && value.codePointCount(0, value.length()) > max);
    }

    /** "You have 312 characters left", "You have 12 characters too many", or nothing well below the limit. */
    static String text(int length, int max) {
        NumberFormat uk = NumberFormat.getIntegerInstance(Locale.UK);
        if (length < Math.ceil(max * THRESHOLD)) {
            return "";
        }
        if (length > max) {
            int over = length - max;
            return "You have " + uk.format(over) + (over == 1 ? " character" : " characters") + " too many";
        }
        int left = max - length;
        return "You have " + uk.format(left) + (left == 1 ? " character" : " characters") + " left";
    }
}
