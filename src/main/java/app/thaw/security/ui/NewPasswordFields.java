package app.thaw.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;

import app.thaw.security.PasswordPolicy;
import app.thaw.security.StaffInputProblem;

/** The new password typed twice, with the policy in plain words and any problem beside its box. */
class NewPasswordFields extends Div {

    final PasswordField password = new PasswordField("New password");
    final PasswordField repeated = new PasswordField("Type it again");

    NewPasswordFields() {
        addClassName("new-password-fields");
        password.setHelperText(PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH + " characters. "
                + "Three or four unrelated words work well; no symbols needed. Common passwords, your name and "
                + "your username are refused.");
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        password.setMaxLength(PasswordPolicy.MAX_LENGTH * 2);
        password.setWidthFull();
        repeated.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeated.setMaxLength(PasswordPolicy.MAX_LENGTH * 2);
        repeated.setWidthFull();
        add(password, repeated);
    }

    void clearProblems() {
        password.setInvalid(false);
        repeated.setInvalid(false);
    }

    /** Shows the problem beside the box it is about; false when it belongs to another field. */
    boolean show(StaffInputProblem problem) {
        PasswordField field = switch (problem.field()) {
            case NEW_PASSWORD -> password;
            case REPEATED_PASSWORD -> repeated;
            default -> null;
        };
        if (field == null) {
            return false;
        }
        field.setErrorMessage(problem.getMessage());
        field.setInvalid(true);
        field.focus();
        return true;
    }
}
