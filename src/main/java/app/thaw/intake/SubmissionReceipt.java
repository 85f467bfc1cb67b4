package app.thaw.intake;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the client gets back once, on the confirmation page: the raw status token and partner link are
 * never stored, only their hashes. {@code statusLinkEmailed}: the client said email is safe, so the status link
 * is on its way to them; otherwise nothing was sent and the page tells them how to keep the link.
 */
public record SubmissionReceipt(String reference, String callName, String statusToken, boolean urgent,
                                List<String> riskReasons,
                                RequestedType requestedType, @Nullable String partnerInvitationToken,
                                boolean partnerIntake, boolean partnerInvitationWithheld, boolean emailSafe,
                                boolean statusLinkEmailed) {
}
