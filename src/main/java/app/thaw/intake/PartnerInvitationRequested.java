package app.thaw.intake;

import app.thaw.base.ids.IntakeId;

/**
 * A client asked us to email their partner the invitation link; carries only what that email needs, and whose
 * invitation it is, so erasing that client finds the email that names them.
 */
public record PartnerInvitationRequested(IntakeId inviterIntakeId, String partnerEmail, String inviterFirstName,
                                         String link) {
}
