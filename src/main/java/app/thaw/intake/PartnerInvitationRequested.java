package app.thaw.intake;

/** A client asked us to email their partner the invitation link; carries only what that email needs. */
public record PartnerInvitationRequested(String partnerEmail, String inviterFirstName, String link) {
}
