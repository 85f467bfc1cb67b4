package app.thaw.notification;

import jakarta.annotation.security.PermitAll;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.StaffId;

/**
 * Tells a member of staff that a case needs them, with a link to sign in and open it, and nothing clinical: no name,
 * no answers, no reason. Queued in the caller's transaction, so it goes exactly when what raised it is stored.
 */
@Service
public class StaffAlerts {

    private final OutboxWriter outbox;
    private final StaffEmailTemplates templates;

    StaffAlerts(OutboxWriter outbox, StaffEmailTemplates templates) {
        this.outbox = outbox;
        this.templates = templates;
    }

    /**
     * Open to anyone because the alert is often raised by an anonymous client's answer; the caller decides who is
     * told. {@code key} names the alert, so the same alert queues one email per member of staff. Returns false when
     * already queued or the address is unusable.
     */
    @PermitAll
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean sendCaseAttention(String key, StaffId staffId, String email, String name, String caseLink) {
        if (!OutboxWriter.isAddress(email)) {
            return false;
        }
        var text = templates.caseAttention(EmailTemplates.clean(name), caseLink);
        return outbox.enqueue(OutgoingEmail.plain("attention/" + key + "/" + staffId.value(),
                EmailKind.CASE_ATTENTION, email, text.subject(), text.body()));
    }
}
