package app.thaw.review;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.care.CaseStage;
import app.thaw.care.SessionNoteView;
import app.thaw.intake.Amendment;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.review.domain.ReviewCase;
import app.thaw.review.domain.ReviewCaseRepository;
import app.thaw.security.Roles;

/**
 * Opening a case to read it: the answers as asked, the partner's beside them, factors, notes and history. Who may is
 * the case-access policy's; a case the therapist may not see is "not found" (and audited).
 */
@Service
@Transactional
public class CaseOpeningService {

    /** Re-reading a case within this time after opening it is not audited again. */
    static final Duration RE_READ_WINDOW = Duration.ofMinutes(10);

    private final CaseAccess access;
    private final SubmittedIntakes intakes;
    private final ReviewCaseRepository cases;
    private final CaseDetails details;
    private final ReviewStart reviewStart;
    private final CareLink care;
    private final AuditLog auditLog;

    CaseOpeningService(CaseAccess access, SubmittedIntakes intakes, ReviewCaseRepository cases, CaseDetails details,
                       ReviewStart reviewStart, CareLink care, AuditLog auditLog) {
        this.access = access;
        this.intakes = intakes;
        this.cases = cases;
        this.details = details;
        this.reviewStart = reviewStart;
        this.care = care;
        this.auditLog = auditLog;
    }

    /**
     * Opens a case by reference and records the read; empty when it doesn't exist or the policy doesn't allow it.
     * An urgent case opens with its answers readable: the therapist reads them before writing the risk review.
     */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.READ_CLINICAL)
    public Optional<CaseDetail> openCase(CaseReference reference) {
        Optional<CaseGrant> grant = access.find(reference.value(), CaseOperation.READ_CLINICAL);
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        SubmittedIntake intake = intakes.find(grant.get());
        // a case whose set-up awaits resubmission reads as a new, unassigned one; its actions say it is being set up
        ReviewCase reviewCase = cases.findById(intake.id()).orElseGet(() -> new ReviewCase(intake.id()));
        List<CaseGrant> partners = access.partners(grant.get(), CaseOperation.READ_CLINICAL);
        SubmittedIntake partner = partners.stream().findFirst().map(intakes::find).orElse(null);
        recordRead(intake.id(), intake.reference(), partner);
        CaseStage stage = reviewStart.start(grant.get(), partners);
        List<SessionNoteView> sessionNotes = access.alsoFor(grant.get(), CaseOperation.READ_SESSION_NOTES)
                .map(notesGrant -> care.notes().forCase(notesGrant)).orElse(List.of());
        return Optional.of(details.assemble(grant.get(), intake, partner, reviewCase, stage, sessionNotes));
    }

    /**
     * The {@code parts} of a case already open, read again after an action changed them: never the answers (they
     * do not change, and reading them means decrypting them). The same policy as opening it, and the read is on
     * record the same way; a case handed to a colleague meanwhile is "not found".
     */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.READ_CLINICAL)
    public CaseParts reread(IntakeId intakeId, Set<CasePart> parts) {
        CaseGrant grant = access.require(intakeId, CaseOperation.READ_CLINICAL);
        // the partner's answers on screen are not read again, so only this intake's reading goes on record
        recordRead(grant.intakeId(), grant.reference(), null);
        ReviewCase reviewCase = parts.contains(CasePart.STATE) ? cases.findById(grant.intakeId()).orElse(null) : null;
        CaseParts read = details.parts(grant, reviewCase, parts);
        CaseStage stage = parts.contains(CasePart.STAGE) ? care.records().stage(grant) : null;
        List<SessionNoteView> sessionNotes = !parts.contains(CasePart.SESSION_NOTES) ? null
                : access.alsoFor(grant, CaseOperation.READ_SESSION_NOTES)
                        .map(notesGrant -> care.notes().forCase(notesGrant)).orElse(List.of());
        List<Amendment> amendments = parts.contains(CasePart.AMENDMENTS) ? intakes.amendments(grant) : null;
        return new CaseParts(read.state(), read.factors(), read.referrals(), read.notes(), read.history(), stage,
                sessionNotes, amendments);
    }

    /** Refreshing the same case after each action is one reading, not dozens of audit lines. */
    private void recordRead(long intakeId, String reference, @Nullable SubmittedIntake partner) {
        if (!auditLog.recordedRecently(AuditAction.CASE_OPENED, intakeId, RE_READ_WINDOW)) {
            auditLog.record(AuditAction.CASE_OPENED, intakeId, reference,
                    partner == null ? null : "With partner's intake " + partner.reference());
        }
        if (partner != null && !auditLog.recordedRecently(AuditAction.CASE_OPENED, partner.id(), RE_READ_WINDOW)) {
            auditLog.record(AuditAction.CASE_OPENED, partner.id(), partner.reference(),
                    "Shown beside partner's intake " + reference);
        }
    }
}
