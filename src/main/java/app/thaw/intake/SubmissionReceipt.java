package app.thaw.intake;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the client gets back once, on the confirmation page: the raw status token and partner link are
 * never stored, only their hashes.
 */
public record SubmissionReceipt(String reference, String callName, String statusToken, boolean urgent,
                                List<String> riskReasons,
                                RequestedType requestedType, @Nullable String partnerInvitationToken,
                                boolean partnerIntake, boolean partnerInvitationWithheld) {
}
