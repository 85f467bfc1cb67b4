package app.thaw.notification;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import app.thaw.intake.IntakeSubmitted;
import app.thaw.intake.SubmittedIntake;
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
    private final OutboxWriter outbox;
    private final EmailTemplates templates;

    IntakeEmails(SubmittedIntakes intakes, OutboxWriter outbox, EmailTemplates templates) {
        this.intakes = intakes;
        this.outbox = outbox;
        this.templates = templates;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(IntakeSubmitted submitted) {
        try {
            SubmittedIntake intake = SystemActor.call(() -> intakes.find(submitted.intakeId())).orElse(null);
            if (intake == null) {
                return;
            }
            var text = templates.intakeReceived(greetingName(intake.preferredName(), intake.fullName()),
                    intake.reference());
            outbox.enqueue(OutgoingEmail.plain("intake-" + intake.id() + "/" + EmailKind.INTAKE_RECEIVED.name(),
                    EmailKind.INTAKE_RECEIVED, intake.email(), text.subject(), text.body()));
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
