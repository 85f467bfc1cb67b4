package app.thaw.intake;

import java.util.Map;

/** What "Save and continue" finds: the client may go on, has answers to correct, or is under 18. */
public sealed interface StepCheck {

    record Fine() implements StepCheck {
    }

    /** Item id → message, in question order. */
    record Problems(Map<String, String> errors) implements StepCheck {
    }

    /** Refused for being under 18: the form, its answers and its resume link are already deleted. */
    record UnderAge() implements StepCheck {
    }
}
