package app.thaw.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.thaw.Application;
import app.thaw.base.web.PublicUrl;
import app.thaw.security.LinkPurpose;
import app.thaw.security.StaffEmailChanged;
import app.thaw.security.StaffLinkIssued;

/**
 * Emails a staff member the link to choose their password, queued in the transaction that made the link, so
 * the email exists exactly when the link does. Not clinical; the admin also sees the link once to pass on. When
 * their address changes, the old one is told, in the same transaction as the change.
 */
@Component
class StaffEmails {

    private final OutboxWriter outbox;
    private final StaffEmailTemplates templates;
    private final PublicUrl publicUrl;

    StaffEmails(OutboxWriter outbox, StaffEmailTemplates templates, PublicUrl publicUrl) {
        this.outbox = outbox;
        this.templates = templates;
        this.publicUrl = publicUrl;
    }

    @EventListener
    void on(StaffLinkIssued issued) {
        var expires = issued.expiresAt().atZone(Application.PRACTICE_ZONE);
        var text = issued.purpose() == LinkPurpose.INVITATION
                ? templates.staffInvitation(issued.displayName(), issued.url(), publicUrl.link("login"), expires)
                : templates.passwordReset(issued.displayName(), issued.url(), expires);
        EmailKind kind = issued.purpose() == LinkPurpose.INVITATION ? EmailKind.STAFF_INVITATION
                : EmailKind.PASSWORD_RESET;
        // the link carries a secret, so the key holds only a hash of it
        outbox.enqueue(OutgoingEmail.plain("staff-link/" + OutboxWriter.keyHash(issued.url()), kind, issued.email(),
                text.subject(), text.body()));
    }

    @EventListener
    void on(StaffEmailChanged changed) {
        var text = templates.emailChanged(changed.displayName(),
                changed.changedAt().atZone(Application.PRACTICE_ZONE));
        outbox.enqueue(OutgoingEmail.plain("staff-email-changed/" + changed.staffId() + "/" + changed.accountVersion(),
                EmailKind.STAFF_EMAIL_CHANGED, changed.previousEmail(), text.subject(), text.body()));
    }
}
