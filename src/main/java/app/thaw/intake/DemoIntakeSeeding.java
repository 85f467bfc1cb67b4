package app.thaw.intake;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.domain.SecretToken;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.domain.CoupleCaseRepository;
import app.thaw.intake.domain.IntakeDraft;
import app.thaw.intake.domain.IntakeDraftRepository;
import app.thaw.intake.domain.IntakeRepository;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.security.Roles;

/**
 * Demo data only (ADR 18): the {@code dev} feature sends its demo forms through the client's own submission (checks,
 * scoring, encryption, events), placed in the past. The bean exists in the dev profile alone, for the system identity.
 */
@Component
@Profile("dev")
public class DemoIntakeSeeding {

    /** A demo form sent: its intake, and the receipt the client would have seen. */
    public record Sent(long intakeId, SubmissionReceipt receipt) {
    }

    private final IntakeDraftRepository drafts;
    private final IntakeRepository intakes;
    private final CoupleCaseRepository coupleCases;
    private final IntakeSubmissions submissions;
    private final AnswersJson json;

    DemoIntakeSeeding(IntakeDraftRepository drafts, IntakeRepository intakes, CoupleCaseRepository coupleCases,
                      IntakeSubmissions submissions, AnswersJson json) {
        this.drafts = drafts;
        this.intakes = intakes;
        this.coupleCases = coupleCases;
        this.submissions = submissions;
        this.json = json;
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.SYSTEM)
    public boolean anySubmitted() {
        return intakes.count() > 0;
    }

    /** The form as if sent at {@code at}; a partner's form names the first partner's invitation. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed(Roles.SYSTEM)
    public Sent submit(Answers answers, @Nullable String partnerInvitationToken, Instant at) {
        Long coupleCaseId = partnerInvitationToken == null ? null : coupleCases.findByInvitationTokenHash(
                SecretToken.hash(partnerInvitationToken)).orElseThrow().getId();
        var draft = new IntakeDraft(SecretToken.hash(SecretToken.generate()), coupleCaseId, at, at.plus(Duration.ofDays(7)));
        drafts.saveAndFlush(draft);
        drafts.mergeAnswers(draft.getTokenHash(), json.write(answers), "consent", at, at.plus(Duration.ofDays(7)));
        IntakeDraft reloaded = drafts.findById(draft.getId()).orElseThrow();
        if (!(submissions.submit(reloaded, at, null) instanceof SubmissionOutcome.Submitted submitted)) {
            throw new IllegalStateException("A demo form was not accepted");
        }
        long intakeId = intakes.findByReference(submitted.receipt().reference()).orElseThrow().getId();
        return new Sent(intakeId, submitted.receipt());
    }

    /** The client's status page at a published address (README), so someone trying the demo can open it. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed(Roles.SYSTEM)
    public void publishStatusPage(CaseGrant grant, String statusToken) {
        grant.requireFor(CaseOperation.READ_CLINICAL);
        intakes.useStatusTokenHash(grant.intakeId(), SecretToken.hash(statusToken));
    }
}
