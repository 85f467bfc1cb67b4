package app.thaw.caseaccess;

import java.util.Objects;

import app.thaw.base.ids.CaseReference;

/**
 * The answer to a case that does not exist and to one the person may not see: the same words, so a refusal never
 * tells anyone that a reference is real.
 */
public class CaseNotFound extends RuntimeException {

    public static final String MESSAGE = "No case was found with that reference.";

    public CaseNotFound() {
        super(MESSAGE);
    }

    /**
     * The words for a reference someone typed, identical whether the case is missing or not theirs; something longer
     * than a reference (a pasted email, say) is not repeated back.
     */
    public static String forReference(String reference) {
        String typed = reference.strip();
        return typed.length() > CaseReference.TYPED_MAX
                ? "No case has that reference. A reference looks like THW-7K3M9Q."
                : "No case has the reference " + typed + ".";
    }

    /** Every constructor takes the words a person reads, so there is always a message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "thrown with a message");
    }
}
