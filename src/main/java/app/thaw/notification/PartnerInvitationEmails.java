package app.thaw.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.thaw.intake.PartnerInvitationRequested;

/** Sends the partner invitation a client asked for, through the outbox like every other email. */
@Component
class PartnerInvitationEmails {

    private final ClientEmails emails;

    PartnerInvitationEmails(ClientEmails emails) {
        this.emails = emails;
    }

    @EventListener
    void on(PartnerInvitationRequested request) {
        emails.sendPartnerInvitation(request.inviterIntakeId(),
                request.partnerEmail(), request.inviterFirstName(), request.link());
    }
}
