package app.thaw.intake;

import java.time.LocalDate;
import java.util.Map;

/**
 * What "Save and continue" finds: the client may go on, has answers to correct, has a date of birth under 18 to
 * confirm, or is under 18.
 */
public sealed interface StepCheck {

    record Fine() implements StepCheck {
    }

    /** Item id → message, in question order. */
    record Problems(Map<String, String> errors) implements StepCheck {
    }

    /**
     * The date of birth makes the client younger than 18; nothing is deleted until they say it is right, since one
     * mistyped year would otherwise wipe a form an adult had half filled in.
     */
    record AgeToConfirm(LocalDate born, int age) implements StepCheck {
    }

    /** Refused for being under 18: the form, its answers and its resume link are already deleted. */
    record UnderAge() implements StepCheck {
    }
}
