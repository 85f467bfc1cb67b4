package app.thaw.intake;

import org.jspecify.annotations.Nullable;

/**
 * The client about to be erased, read under a row lock. The address is only used to find the emails sent to
 * them; it is never logged or kept.
 */
public record ErasureSubject(long intakeId, String reference, String email, @Nullable Long coupleCaseId) {

    @Override
    public String toString() {
        return "ErasureSubject[" + reference + "]";
    }
}
