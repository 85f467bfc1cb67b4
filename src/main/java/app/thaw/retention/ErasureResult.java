package app.thaw.retention;

/** What became of an erasure request, with the words to show the practice manager. */
public record ErasureResult(Outcome outcome, String message) {

    public enum Outcome {
        ERASED, ALREADY_ERASED, REFUSED_LEGAL_HOLD, NOT_FOUND, REASON_MISSING
    }

    public boolean erased() {
        return outcome == Outcome.ERASED;
    }
}
