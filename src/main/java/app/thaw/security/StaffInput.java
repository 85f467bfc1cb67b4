package app.thaw.security;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.StorableText;
import app.thaw.security.StaffInputProblem.Field;
import app.thaw.security.domain.StaffAccount;

/** A staff member's name and address as the team screens take them: the same rules to invite as to correct. */
final class StaffInput {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\".]+(\\.[^@\\s<>\".]+)+");

    private StaffInput() {
    }

    /** The name as kept, or the refusal under Name. */
    static String displayName(@Nullable String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty() || name.length() > StaffAccount.DISPLAY_NAME_MAX
                || name.chars().anyMatch(Character::isISOControl) || !StorableText.isStorable(name)) {
            throw new StaffInputProblem(Field.DISPLAY_NAME, "Enter their name as colleagues and clients see it, "
                    + "up to " + StaffAccount.DISPLAY_NAME_MAX + " characters.");
        }
        return name;
    }

    /** The address as kept, or the refusal under Email. */
    static String email(@Nullable String typed) {
        String email = typed == null ? "" : typed.strip();
        if (email.length() > StaffAccount.EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            throw new StaffInputProblem(Field.EMAIL, "Enter their work email address, e.g. name@practice.org.");
        }
        return email;
    }
}
