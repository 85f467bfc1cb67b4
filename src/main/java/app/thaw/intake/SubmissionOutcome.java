package app.thaw.intake;

import java.util.Map;

/** Every way a submit can end; none loses what the client typed, except the refusal of an under-18's form. */
public sealed interface SubmissionOutcome {

    record Submitted(SubmissionReceipt receipt) implements SubmissionOutcome {
    }

    /** The same form was already sent (double click, second tab): nothing new was created. */
    record AlreadySubmitted(String reference) implements SubmissionOutcome {
    }

    /** Item id → message; the draft is untouched so the client can correct and resend. */
    record NeedsCorrection(Map<String, String> errors) implements SubmissionOutcome {
    }

    record TooManyRequests() implements SubmissionOutcome {
    }

    /** The date of birth makes the client younger than 18: the form and everything typed in it are deleted. */
    record UnderAge() implements SubmissionOutcome {
    }

    record Refused(String message) implements SubmissionOutcome {
    }
}
