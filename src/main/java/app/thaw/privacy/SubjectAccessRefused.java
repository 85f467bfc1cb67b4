package app.thaw.privacy;

/** A subject access step that can't be taken now; the message says why in words the person can act on. */
public class SubjectAccessRefused extends RuntimeException {

    public SubjectAccessRefused(String message) {
        super(message);
    }

    /** The record is not what the clinician approved (or is reviewing): it needs their eyes again. */
    public static class ReviewOutdated extends SubjectAccessRefused {

        public ReviewOutdated(String message) {
            super(message);
        }
    }
}
