package app.thaw.retention;

/** What became of a request to set or clear a legal hold, with the words to show the practice manager. */
public record LegalHoldResult(Outcome outcome, String message) {

    public enum Outcome {
        SET, CLEARED, ALREADY_HELD, NOT_HELD, NOT_FOUND, REASON_MISSING
    }

    public boolean done() {
        return outcome == Outcome.SET || outcome == Outcome.CLEARED;
    }
}
