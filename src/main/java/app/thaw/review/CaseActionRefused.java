package app.thaw.review;

/** A case action the rules don't allow right now, with the reason in words a therapist understands. */
public class CaseActionRefused extends RuntimeException {

    public CaseActionRefused(String message) {
        super(message);
    }
}
