package app.thaw.review;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.domain.StorableText;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.NotACasePath;
import app.thaw.care.CareEvent;
import app.thaw.care.CareEventKind;
import app.thaw.care.CaseStage;
import app.thaw.care.SessionNoteView;
import app.thaw.intake.IntakeStatus;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.review.domain.CaseNote;
import app.thaw.review.domain.CaseNoteRepository;
import app.thaw.review.domain.FactorDecision;
import app.thaw.review.domain.FactorDecisionRepository;
import app.thaw.review.domain.FactorSuggestionRepository;
import app.thaw.review.domain.ReviewCase;
import app.thaw.review.factors.FactorRuleSet;
import app.thaw.review.factors.FactorTag;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;

/**
 * The therapist's work on one case: open it, review its risk, write notes, correct answers, decide factors and
 * status. Who may do it is the case-access policy's; a case the therapist may not see is "not found" (and audited).
 */
@Service
@Transactional
public class ReviewService {

    /** Re-reading a case within this time after opening it is not audited again. */
    static final java.time.Duration RE_READ_WINDOW = java.time.Duration.ofMinutes(10);

    private final ReviewQueueQuery queue;
    private final CaseSetup setup;
    private final CaseDetails details;
    private final SubmittedIntakes intakes;
    private final CaseNoteRepository notes;
    private final FactorDecisionRepository decisions;
    private final FactorSuggestionRepository suggestions;
    private final FactorRuleSet rules;
    private final AgreementReport agreement;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final CaseAccess access;
    private final CaseLocks locks;
    private final CareLink care;
    private final Clock clock;

    ReviewService(ReviewQueueQuery queue, CaseSetup setup, CaseDetails details, SubmittedIntakes intakes,
                  CaseNoteRepository notes, FactorDecisionRepository decisions,
                  FactorSuggestionRepository suggestions, FactorRuleSet rules, AgreementReport agreement,
                  AuditLog auditLog, CurrentUser currentUser, CaseAccess access, CaseLocks locks, CareLink care,
                  Clock clock) {
        this.queue = queue;
        this.setup = setup;
        this.details = details;
        this.intakes = intakes;
        this.notes = notes;
        this.decisions = decisions;
        this.suggestions = suggestions;
        this.rules = rules;
        this.agreement = agreement;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.access = access;
        this.locks = locks;
        this.care = care;
        this.clock = clock;
    }

    /** One page of the queue after the given row (null for the first page). Therapists never see colleagues' cases. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @NotACasePath("a list, not a case: its query reads only the cases the policy lets a therapist see (unassigned and "
            + "their own), names and no clinical content; a colleague's exact reference goes through the policy")
    public List<QueueRow> queue(QueueFilter filter, QueueSort sort, @Nullable QueueRow after, int limit) {
        StaffUser user = currentUser.require();
        if (after == null && !user.isAdmin()) {
            // looking a colleague's case up by its exact reference is an attempt like opening it: on record, and
            // answered as for a reference that does not exist (no row)
            ReviewQueueQuery.exactReference(filter.search())
                    .ifPresent(reference -> access.find(reference, CaseOperation.READ_CLINICAL));
        }
        return queue.page(filter, sort, after, Math.clamp(limit, 1, 200), user.isAdmin() ? null : user.id());
    }

    /**
     * Opens a case by reference and records the read; empty when it doesn't exist or the policy doesn't allow it.
     * An urgent case opens with its answers readable: the therapist reads them before writing the risk review.
     */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.READ_CLINICAL)
    public Optional<CaseDetail> openCase(String reference) {
        Optional<CaseGrant> grant = access.find(reference, CaseOperation.READ_CLINICAL);
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        SubmittedIntake intake = intakes.find(grant.get());
        ReviewCase reviewCase = setup.ensure(grant.get(), intake);
        SubmittedIntake partner = access.partners(grant.get(), CaseOperation.READ_CLINICAL).stream()
                .findFirst().map(intakes::find).orElse(null);
        // refreshing the same case after each action is one reading, not dozens of audit lines
        if (!auditLog.recordedRecently(AuditAction.CASE_OPENED, intake.id(), RE_READ_WINDOW)) {
            auditLog.record(AuditAction.CASE_OPENED, intake.id(), intake.reference(),
                    partner == null ? null : "With partner's intake " + partner.reference());
        }
        if (partner != null && !auditLog.recordedRecently(AuditAction.CASE_OPENED, partner.id(), RE_READ_WINDOW)) {
            auditLog.record(AuditAction.CASE_OPENED, partner.id(), partner.reference(),
                    "Shown beside partner's intake " + intake.reference());
        }
        CaseStage stage = startReview(grant.get());
        List<SessionNoteView> sessionNotes = access.alsoFor(grant.get(), CaseOperation.READ_SESSION_NOTES)
                .map(notesGrant -> care.notes().forCase(notesGrant)).orElse(List.of());
        return Optional.of(details.assemble(grant.get(), intake, partner, reviewCase, stage, sessionNotes));
    }

    /** A therapist opening a new case has started reviewing it (the couple's, when both forms are in). */
    private CaseStage startReview(CaseGrant grant) {
        CaseStage stage = care.records().stage(grant);
        if (stage.status() != IntakeStatus.NEW && stage.status() != IntakeStatus.AWAITING_PARTNER) {
            return stage;
        }
        var started = CareEvent.of(CareEventKind.REVIEW_STARTED, clock.instant());
        for (CaseGrant partner : access.partners(grant, CaseOperation.READ_CLINICAL)) {
            IntakeStatus status = care.records().stage(partner).status();
            if (status == IntakeStatus.NEW || status == IntakeStatus.AWAITING_PARTNER) {
                care.records().record(partner, started);
            }
        }
        return care.records().record(grant, started);
    }

    /** The therapist has read the risk answers and decided what to do now; unlocks the case and takes it on. */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public void acknowledgeRisk(long intakeId, String note) {
        String text = note == null ? "" : note.strip();
        refuseUnstorable(text);
        if (text.isEmpty() || text.length() > ReviewCase.ACKNOWLEDGEMENT_NOTE_MAX) {
            throw new CaseActionRefused("Please write a short note of what you decided (up to "
                    + ReviewCase.ACKNOWLEDGEMENT_NOTE_MAX + " characters).");
        }
        CaseLocks.Locked locked = locks.require(intakeId, CaseOperation.CHANGE_CLINICAL);
        ReviewCase reviewCase = locked.reviewCase();
        if (reviewCase.isRiskAcknowledged()) {
            // the first review stays on record as it was made; anything new belongs in a clinical note
            throw new CaseActionRefused("The risk has already been reviewed. Please add anything new as a note.");
        }
        StaffUser me = currentUser.require();
        reviewCase.acknowledgeRisk(me.id(), text, clock.instant());
        auditLog.record(AuditAction.RISK_ACKNOWLEDGED, intakeId, locked.grant().reference(), null);
        if (reviewCase.getAssignedTherapistId() == null) {
            setup.assignCouple(locked.grant(), me.id(), "Assigned to " + me.displayName() + " (reviewed the risk)");
        }
        startReview(locked.grant());
    }

    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public void addNote(long intakeId, String body) {
        String text = body == null ? "" : body.strip();
        refuseUnstorable(text);
        if (text.isEmpty() || text.length() > CaseNote.BODY_MAX) {
            throw new CaseActionRefused("A note needs some text, up to " + CaseNote.BODY_MAX + " characters.");
        }
        CaseLocks.Locked locked = locks.requireUnlocked(intakeId, CaseOperation.CHANGE_CLINICAL);
        notes.save(new CaseNote(intakeId, currentUser.require().id(), text, clock.instant()));
        auditLog.record(AuditAction.NOTE_ADDED, intakeId, locked.grant().reference(), null);
    }

    /**
     * Corrects one answer (say, a new phone number) as a dated, signed amendment; the answers as submitted
     * stay untouched. Returns the message for the field when the new answer isn't valid.
     */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public Optional<String> amendAnswer(long intakeId, String itemId, List<String> values, String reason) {
        CaseLocks.Locked locked = locks.requireUnlocked(intakeId, CaseOperation.CHANGE_CLINICAL);
        Optional<String> problem = intakes.amend(locked.grant(), itemId, values, reason);
        if (problem.isEmpty()) {
            auditLog.record(AuditAction.ANSWER_AMENDED, intakeId, locked.grant().reference(), "Question " + itemId);
        }
        return problem;
    }

    /** Confirms or rejects a suggestion, or adds or removes a factor the rules didn't suggest. Advisory only. */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public void decideFactor(long intakeId, String tagId, FactorDecisionKind decision) {
        CaseLocks.Locked locked = locks.requireUnlocked(intakeId, CaseOperation.CHANGE_CLINICAL);
        FactorTag tag = rules.tag(tagId)
                .orElseThrow(() -> new CaseActionRefused("Unknown contributing factor: " + tagId));
        boolean suggested = suggestions.existsByIntakeIdAndTagId(intakeId, tagId);
        boolean fits = suggested
                ? decision == FactorDecisionKind.CONFIRMED || decision == FactorDecisionKind.REJECTED
                : decision == FactorDecisionKind.ADDED || decision == FactorDecisionKind.REMOVED;
        if (!fits) {
            // the agreement report counts confirmations of suggestions and additions of the rest, never a mix
            throw new CaseActionRefused(suggested ? "This factor was suggested: confirm or reject it."
                    : "This factor wasn't suggested: add or remove it.");
        }
        decisions.save(new FactorDecision(intakeId, tagId, decision, currentUser.require().id(), clock.instant()));
        auditLog.record(AuditAction.FACTOR_DECIDED, intakeId, locked.grant().reference(),
                tag.label() + ": " + decision.name().toLowerCase(Locale.ROOT));
    }

    /** Per tag, how often suggestions were confirmed; counts only, no clinical content. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<TagAgreement> agreementReport() {
        return agreement.perTag();
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<FactorTag> factorTags() {
        return rules.tags();
    }

    /** A NUL would fail in the database and a broken surrogate turn into "?": say so instead. */
    static void refuseUnstorable(@Nullable String text) {
        if (!StorableText.isStorable(text)) {
            throw new CaseActionRefused(StorableText.REFUSAL);
        }
    }
}
