package app.thaw.notification;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.intake.IntakeReceiptRequested;

import java.util.Objects;

/**
 * Confirms to a client that their form arrived, with their private status link, once it is committed. Intake asks
 * for it only when the client said email is safe for them; the email holds the name to greet, the reference and
 * the link, never anything they told us. The link is a secret, so this is no after-commit listener: those have their
 * events stored in the event publication registry. It queues the email after the commit itself, in its own
 * transaction; the outbox then keeps it until it is sent.
 */
@Component
class IntakeEmails {

    private static final Logger log = LoggerFactory.getLogger(IntakeEmails.class);

    private final OutboxWriter outbox;
    private final EmailTemplates templates;
    private final TransactionTemplate ownTransaction;

    IntakeEmails(OutboxWriter outbox, EmailTemplates templates, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.templates = templates;
        this.ownTransaction = new TransactionTemplate(
                Objects.requireNonNull(transactions.getTransactionManager(), "the context's template has its manager"));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    public void on(IntakeReceiptRequested receipt) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                ownTransaction.executeWithoutResult(status -> queue(receipt));
            }
        });
    }

    private void queue(IntakeReceiptRequested receipt) {
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
