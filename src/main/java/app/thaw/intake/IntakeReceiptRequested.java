package app.thaw.intake;

import org.jspecify.annotations.Nullable;

/**
 * Published on submission only when the client said email is safe for them: the receipt with their private
 * status link. Nothing clinical; the link is a secret, so this event is never stored or logged.
 */
public record IntakeReceiptRequested(long intakeId, String reference, String email, String callName,
                                     @Nullable String statusLink) {

    @Override
    public String toString() {
        return "IntakeReceiptRequested[" + reference + "]";
    }
}
