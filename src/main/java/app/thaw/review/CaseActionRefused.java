package app.thaw.review;

import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.StorableText;

import java.util.Objects;

/** A case action the rules don't allow right now, with the reason in words a therapist understands. */
public class CaseActionRefused extends RuntimeException {

    public CaseActionRefused(String message) {
        super(message);
    }

    /** A NUL would fail in the database and a broken surrogate turn into "?": say so instead. */
    static void refuseUnstorable(@Nullable String text) {
        if (!StorableText.isStorable(text)) {
            throw new CaseActionRefused(StorableText.REFUSAL);
        }
    }

    /** Every constructor takes the words a person reads, so there is always a message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "thrown with a message");
    }
}
