package app.thaw.notification;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.IntakeSubmitted;
import app.thaw.intake.ClientContact;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.security.SystemActor;

/**
 * Confirms to a client that their form arrived, once it is committed. Of the intake it reads only the
 * name to greet, the address and the reference; the answers never come near an email.
 */
@Component
class IntakeEmails {

    private static final Logger log = LoggerFactory.getLogger(IntakeEmails.class);

    private final SubmittedIntakes intakes;
    private final CaseAccess access;
    private final OutboxWriter outbox;
    private final EmailTemplates templates;

    IntakeEmails(SubmittedIntakes intakes, CaseAccess access, OutboxWriter outbox, EmailTemplates templates) {
        this.access = access;
        this.intakes = intakes;
        this.outbox = outbox;
        this.templates = templates;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(IntakeSubmitted submitted) {
        try {
            ClientContact client = SystemActor.call(() -> access.check(submitted.intakeId(),
                    CaseOperation.READ_BOOKING_DETAILS).map(intakes::contact)).orElse(null);
            if (client == null) {
                return;
            }
            var text = templates.intakeReceived(greetingName(client.preferredName(), client.fullName()),
                    client.reference());
            outbox.enqueue(OutgoingEmail.plain("intake-" + client.intakeId() + "/" + EmailKind.INTAKE_RECEIVED.name(),
                    EmailKind.INTAKE_RECEIVED, client.email(), text.subject(), text.body()));
        } catch (RuntimeException e) {
            // the client's form is safely stored; a missing receipt must not turn that into an error page
            log.error("Could not queue the receipt for intake {}", submitted.reference(), e);
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
