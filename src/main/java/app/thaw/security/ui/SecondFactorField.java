package app.thaw.security.ui;

import com.vaadin.flow.component.textfield.TextField;

import app.thaw.security.SecondFactorService;

/** The code box of both second-factor pages: what phones autofill as a one-time code. */
final class SecondFactorField {

    static final String WRONG_CODE = "That code didn't work. Type the 6 digits your authenticator app shows now. "
            + "After several failed tries, sign-in pauses for a while.";

    private SecondFactorField() {
    }

    static TextField create(String label) {
        var field = new TextField(label);
        field.setMaxLength(SecondFactorService.CODE_INPUT_MAX);
        field.getElement().setAttribute("autocomplete", "one-time-code");
        field.getElement().setAttribute("autocapitalize", "none");
        field.getElement().setAttribute("spellcheck", "false");
        field.setManualValidation(true);
        field.setWidthFull();
        field.addClassName("second-factor-code");
        return field;
    }

    static void refuse(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        field.clear();
        field.focus();
    }
}
