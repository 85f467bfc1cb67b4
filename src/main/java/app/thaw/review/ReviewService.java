package app.thaw.review;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.domain.StorableText;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.intake.IntakeStatus;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.review.domain.CaseNote;
import app.thaw.review.domain.CaseNoteRepository;
import app.thaw.review.domain.FactorDecision;
import app.thaw.review.domain.FactorDecisionRepository;
import app.thaw.review.domain.FactorSuggestionRepository;
import app.thaw.review.domain.Referral;
import app.thaw.review.domain.ReferralRepository;
import app.thaw.review.domain.ReviewCase;
import app.thaw.review.factors.FactorRuleSet;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;
import app.thaw.security.StaffUser;

/**
 * The therapist's work on intakes. A therapist reaches unassigned cases and their own; a colleague's case
 * is "not found" (and the attempt audited). Admins see the queue but never clinical content.
 */
@Service
@Transactional
public class ReviewService {

    /** Re-reading a case within this time after opening it is not audited again. */
    static final java.time.Duration RE_READ_WINDOW = java.time.Duration.ofMinutes(10);

    private static final String PARTNER_FEAR = "partner_fear";

    private final ReviewQueueQuery queue;
    private final CaseSetup setup;
    private final CaseDetails details;
    private final SubmittedIntakes intakes;
    private final CaseNoteRepository notes;
    private final FactorDecisionRepository decisions;
    private final FactorSuggestionRepository suggestions;
    private final ReferralRepository referrals;
    private final FactorRuleSet rules;
    private final AgreementReport agreement;
    private final ReferralLetters letters;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final StaffAccountService staff;
    private final Clock clock;
    private final CaseAccess access;

    ReviewService(ReviewQueueQuery queue, CaseSetup setup, CaseDetails details, SubmittedIntakes intakes,
                  CaseNoteRepository notes, FactorDecisionRepository decisions,
                  FactorSuggestionRepository suggestions, ReferralRepository referrals,
                  FactorRuleSet rules, AgreementReport agreement, ReferralLetters letters, AuditLog auditLog,
                  CurrentUser currentUser, StaffAccountService staff, CaseAccess access, Clock clock) {
        this.access = access;
        this.letters = letters;
        this.queue = queue;
        this.setup = setup;
        this.details = details;
        this.intakes = intakes;
        this.notes = notes;
        this.decisions = decisions;
        this.suggestions = suggestions;
        this.referrals = referrals;
        this.rules = rules;
        this.agreement = agreement;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.staff = staff;
        this.clock = clock;
    }

    /** One page of the queue after the given row (null for the first page). Therapists never see colleagues' cases. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<QueueRow> queue(QueueFilter filter, QueueSort sort, @Nullable QueueRow after, int limit) {
        StaffUser user = currentUser.require();
        return queue.page(filter, sort, after, Math.clamp(limit, 1, 200), user.isAdmin() ? null : user.id());
    }

    /** Opens a case by reference and records the read; empty when it doesn't exist or isn't this therapist's. */
    @RolesAllowed(Roles.THERAPIST)
    public Optional<CaseDetail> openCase(String reference) {
        Optional<Long> intakeId = intakes.idOfReference(reference);
        if (intakeId.isEmpty()) {
            return Optional.empty();
        }
        Optional<ReviewCase> reviewCase = accessible(intakeId.get(), reference);
        if (reviewCase.isEmpty()) {
            return Optional.empty();
        }
        SubmittedIntake intake = intakes.find(intakeId.get()).orElseThrow();
        SubmittedIntake partner = partnerOf(intake).orElse(null);
        // refreshing the same case after each action is one reading, not dozens of audit lines
        if (!auditLog.recordedRecently(AuditAction.CASE_OPENED, intake.id(), RE_READ_WINDOW)) {
            auditLog.record(AuditAction.CASE_OPENED, intake.id(), intake.reference(),
                    partner == null ? null : "With partner's intake " + partner.reference());
        }
        if (partner != null && !auditLog.recordedRecently(AuditAction.CASE_OPENED, partner.id(), RE_READ_WINDOW)) {
            auditLog.record(AuditAction.CASE_OPENED, partner.id(), partner.reference(),
                    "Shown beside partner's intake " + intake.reference());
        }
        return Optional.of(details.assemble(intake, partner, reviewCase.get(),
                intake.hasRiskFlag(PARTNER_FEAR) || partnerReportedFear(intake)));
    }

    /** The therapist has read the risk answers and decided what to do now; unlocks the case and takes it on. */
    @RolesAllowed(Roles.THERAPIST)
    public void acknowledgeRisk(long intakeId, String note) {
        String text = note == null ? "" : note.strip();
        refuseUnstorable(text);
        if (text.isEmpty() || text.length() > ReviewCase.ACKNOWLEDGEMENT_NOTE_MAX) {
            throw new CaseActionRefused("Please write a short note of what you decided (up to "
                    + ReviewCase.ACKNOWLEDGEMENT_NOTE_MAX + " characters).");
        }
        ReviewCase reviewCase = requireAccessible(intakeId);
        if (reviewCase.isRiskAcknowledged()) {
            // the first review stays on record as it was made; anything new belongs in a clinical note
            throw new CaseActionRefused("The risk has already been reviewed. Please add anything new as a note.");
        }
        StaffUser me = currentUser.require();
        reviewCase.acknowledgeRisk(me.id(), text, clock.instant());
        if (reviewCase.getAssignedTherapistId() == null) {
            assignBoth(intakeId, me.id(), me.displayName());
        }
        auditLog.record(AuditAction.RISK_ACKNOWLEDGED, intakeId, referenceOf(intakeId), null);
    }

    @RolesAllowed(Roles.THERAPIST)
    public void assignToMe(long intakeId) {
        StaffUser me = currentUser.require();
        assign(intakeId, me.id(), me.displayName());
    }

    /**
     * Hands the case (and the partner's intake with it) to a colleague, or back to the shared queue. Only an
     * active therapist can take a case: one assigned to an admin or a former colleague would vanish from every
     * therapist's queue. The history names the therapist as the staff list does, whatever name the caller gave.
     */
    @RolesAllowed(Roles.THERAPIST)
    public void assign(long intakeId, @Nullable Long therapistId, @Nullable String therapistName) {
        requireUnlocked(intakeId);
        String name = null;
        if (therapistId != null) {
            name = staff.activeTherapists().stream()
                    .filter(therapist -> therapist.id() == therapistId)
                    .map(StaffSummary::displayName)
                    .findFirst()
                    .orElseThrow(() -> new CaseActionRefused("A case can only be assigned to an active therapist."));
        }
        assignBoth(intakeId, therapistId, name);
    }

    @RolesAllowed(Roles.THERAPIST)
    public void changeStatus(long intakeId, IntakeStatus status) {
        requireUnlocked(intakeId);
        SubmittedIntake intake = intakes.find(intakeId).orElseThrow();
        intakes.changeStatus(intakeId, status);
        auditLog.record(AuditAction.STATUS_CHANGED, intakeId, intake.reference(),
                intake.status().name() + " → " + status.name());
    }

    @RolesAllowed(Roles.THERAPIST)
    public void addNote(long intakeId, String body) {
        String text = body == null ? "" : body.strip();
        refuseUnstorable(text);
        if (text.isEmpty() || text.length() > CaseNote.BODY_MAX) {
            throw new CaseActionRefused("A note needs some text, up to " + CaseNote.BODY_MAX + " characters.");
        }
        requireUnlocked(intakeId);
        notes.save(new CaseNote(intakeId, currentUser.require().id(), text, clock.instant()));
        auditLog.record(AuditAction.NOTE_ADDED, intakeId, referenceOf(intakeId), null);
    }

    /**
     * Corrects one answer (say, a new phone number) as a dated, signed amendment; the answers as submitted
     * stay untouched. Returns the message for the field when the new answer isn't valid.
     */
    @RolesAllowed(Roles.THERAPIST)
    public Optional<String> amendAnswer(long intakeId, String itemId, List<String> values, String reason) {
        requireUnlocked(intakeId);
        Optional<String> problem = intakes.amend(intakeId, itemId, values, reason);
        if (problem.isEmpty()) {
            auditLog.record(AuditAction.ANSWER_AMENDED, intakeId, referenceOf(intakeId), "Question " + itemId);
        }
        return problem;
    }

    /** Confirms or rejects a suggestion, or adds or removes a factor the rules didn't suggest. Advisory only. */
    @RolesAllowed(Roles.THERAPIST)
    public void decideFactor(long intakeId, String tagId, FactorDecisionKind decision) {
        if (rules.tag(tagId).isEmpty()) {
            throw new CaseActionRefused("Unknown contributing factor: " + tagId);
        }
        requireUnlocked(intakeId);
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
        auditLog.record(AuditAction.FACTOR_DECIDED, intakeId, referenceOf(intakeId),
                rules.tag(tagId).orElseThrow().label() + ": " + decision.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Records the referral. Joint work with a partner while the client reported fear of that partner needs
     * an explicit clinical decision in words.
     */
    @RolesAllowed(Roles.THERAPIST)
    public void decideReferral(long intakeId, ReferralKind kind, String reason, @Nullable String partnerFearDecision) {
        String text = reason == null ? "" : reason.strip();
        refuseUnstorable(text);
        if (text.isEmpty() || text.length() > Referral.REASON_MAX) {
            throw new CaseActionRefused("Please give the reason for this referral (up to " + Referral.REASON_MAX
                    + " characters).");
        }
        requireUnlocked(intakeId);
        SubmittedIntake intake = intakes.find(intakeId).orElseThrow();
        String override = partnerFearDecision == null || partnerFearDecision.isBlank() ? null
                : partnerFearDecision.strip();
        if (kind.involvesPartner() && override == null) {
            if (intake.hasRiskFlag(PARTNER_FEAR)) {
                throw new CaseActionRefused("This client said they are afraid of their partner. Couples work can "
                        + "only be chosen with an explicit clinical decision recorded below.");
            }
            if (partnerReportedFear(intake)) {
                throw new CaseActionRefused("This client's partner said in their own intake that they are afraid "
                        + "of them. Couples work can only be chosen with an explicit clinical decision recorded "
                        + "below.");
            }
        }
        refuseUnstorable(override);
        if (override != null && override.length() > Referral.PARTNER_FEAR_DECISION_MAX) {
            throw new CaseActionRefused("Please keep the clinical decision under "
                    + Referral.PARTNER_FEAR_DECISION_MAX + " characters.");
        }
        referrals.save(new Referral(intakeId, kind, text, kind.involvesPartner() ? override : null,
                currentUser.require().id(), clock.instant()));
        auditLog.record(AuditAction.REFERRAL_DECIDED, intakeId, intake.reference(), kind.label());
        IntakeStatus status = intake.status();
        if (status != IntakeStatus.REFERRED && status != IntakeStatus.SCHEDULED && status != IntakeStatus.CLOSED) {
            intakes.changeStatus(intakeId, IntakeStatus.REFERRED);
            auditLog.record(AuditAction.STATUS_CHANGED, intakeId, intake.reference(),
                    status.name() + " → " + IntakeStatus.REFERRED.name());
        }
    }

    /** The letter for the current outside referral; downloading it is a read of clinical content, so it is audited. */
    @RolesAllowed(Roles.THERAPIST)
    public ReferralLetterFile referralLetter(long intakeId) {
        requireUnlocked(intakeId);
        SubmittedIntake intake = intakes.find(intakeId).orElseThrow();
        Referral current = referrals.findByIntakeIdOrderByDecidedAtDescIdDesc(intakeId).stream().findFirst()
                .filter(referral -> referral.getKind().isOutside())
                .orElseThrow(() -> new CaseActionRefused("Record an outside referral first."));
        auditLog.record(AuditAction.LETTER_DOWNLOADED, intakeId, intake.reference(), current.getKind().label());
        return letters.render(intake, current.getKind(), current.getReason(), currentUser.require());
    }

    /** Per tag, how often suggestions were confirmed; counts only, no clinical content. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<TagAgreement> agreementReport() {
        return agreement.perTag();
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<app.thaw.review.factors.FactorTag> factorTags() {
        return rules.tags();
    }

    private void assignBoth(long intakeId, @Nullable Long therapistId, @Nullable String therapistName) {
        SubmittedIntake intake = intakes.find(intakeId).orElseThrow();
        List<Long> members = intake.coupleCaseId() == null ? List.of(intakeId)
                : intakes.coupleMembers(intake.coupleCaseId());
        for (long member : members) {
            setup.ensure(member).assignTo(therapistId);
            auditLog.record(AuditAction.CASE_ASSIGNED, member, referenceOf(member),
                    therapistId == null ? "Returned to the shared queue" : "Assigned to " + therapistName);
        }
    }

    private Optional<ReviewCase> accessible(long intakeId, String reference) {
        return access.accessible(intakeId, reference);
    }

    private ReviewCase requireAccessible(long intakeId) {
        return access.requireAccessible(intakeId);
    }

    private ReviewCase requireUnlocked(long intakeId) {
        return access.requireUnlocked(intakeId);
    }

    private boolean partnerReportedFear(SubmittedIntake intake) {
        return access.partnerReportedFear(intake);
    }

    private Optional<SubmittedIntake> partnerOf(SubmittedIntake intake) {
        return access.partnerOf(intake);
    }

    private String referenceOf(long intakeId) {
        return access.referenceOf(intakeId);
    }

    /** A NUL would fail in the database and a broken surrogate turn into "?": say so instead. */
    private static void refuseUnstorable(@Nullable String text) {
        if (!StorableText.isStorable(text)) {
            throw new CaseActionRefused(StorableText.REFUSAL);
        }
    }
}
