package app.thaw.intake;

import org.jspecify.annotations.Nullable;

/**
 * The client about to be erased, read under a row lock. The address is only used to find the emails sent to
 * them, and the name, address and phone to keep them out of the reason kept afterwards; none is logged or kept.
 */
public record ErasureSubject(long intakeId, String reference, String email, @Nullable Long coupleCaseId,
                             String fullName, String phone) {

    @Override
    public String toString() {
        return "ErasureSubject[" + reference + "]";
    }
}
