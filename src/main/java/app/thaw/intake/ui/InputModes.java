package app.thaw.intake.ui;

import com.vaadin.flow.component.textfield.TextField;

/**
 * The keyboard a phone opens for a field (a number pad for a date, "@" for an email). Vaadin 25.2's text field does
 * not pass {@code inputmode} from its host to the input inside it, so the page sets it on the input once it exists.
 */
final class InputModes {

    private static final String ON_THE_INPUT = """
            const apply = tries => {
              const input = this.inputElement || this.querySelector('input');
              if (input) { input.inputMode = $0; } else if (tries < 30) { requestAnimationFrame(() => apply(tries + 1)); }
            };
            apply(0);""";

    private InputModes() {
    }

    static void set(TextField field, String mode) {
        // on the host too: text fields from Vaadin 25.3 pass it on themselves
        field.getElement().setAttribute("inputmode", mode);
        field.getElement().executeJs(ON_THE_INPUT, mode);
    }
}
