package app.thaw.intake;

import java.util.Optional;

import app.thaw.caseaccess.CaseGrant;

/**
 * Hook for the client's private status link in the practice's emails. Only the intake feature can make a status link,
 * and only the client knows whether email is safe for them (the contact-safety answer): until an implementation is
 * registered, confirmations go out without the link. An implementation returns the link only when the client said
 * email is safe, and must not log it.
 */
public interface ClientEmailLinks {

    /** The absolute status link for an email to this client, or empty when email isn't safe or no link can be made. */
    Optional<String> statusLinkForEmail(CaseGrant grant);
}
