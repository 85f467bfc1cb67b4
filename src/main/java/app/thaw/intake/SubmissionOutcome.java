package app.thaw.intake;

import java.util.Map;

/** Every way a submit can end; none of them loses what the client typed. */
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

    record Refused(String message) implements SubmissionOutcome {
    }
}
