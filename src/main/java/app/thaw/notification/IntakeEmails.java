package app.thaw.notification;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import app.thaw.intake.IntakeReceiptRequested;

/**
 * Confirms to a client that their form arrived, with their private status link, once it is committed. Intake asks
 * for it only when the client said email is safe for them; the email holds the name to greet, the reference and
 * the link, never anything they told us.
 */
@Component
class IntakeEmails {

    private static final Logger log = LoggerFactory.getLogger(IntakeEmails.class);

    private final OutboxWriter outbox;
    private final EmailTemplates templates;

    IntakeEmails(OutboxWriter outbox, EmailTemplates templates) {
        this.outbox = outbox;
        this.templates = templates;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(IntakeReceiptRequested receipt) {
        try {
            var text = templates.intakeReceived(greetingName(receipt.callName(), null), receipt.reference(),
                    receipt.statusLink());
            outbox.enqueue(OutgoingEmail.plain("intake-" + receipt.intakeId() + "/" + EmailKind.INTAKE_RECEIVED.name(),
                    EmailKind.INTAKE_RECEIVED, receipt.email(), text.subject(), text.body()));
        } catch (RuntimeException e) {
            // the client's form is safely stored; a missing receipt must not turn that into an error page
            log.error("Could not queue the receipt for intake {}", receipt.reference(), e);
        }
    }

    /** The name the client asked to be called, else the first word of their full name. */
    static @Nullable String greetingName(@Nullable String preferredName, @Nullable String fullName) {
        if (preferredName != null && !preferredName.isBlank()) {
            return preferredName.strip();
        }
        if (fullName == null || fullName.isBlank()) {
            return null;
        }
        return fullName.strip().split("\\s+")[0];
    }
}
