package app.thaw.review;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.IntakeId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.review.domain.CaseNote;
import app.thaw.review.domain.CaseNoteRepository;
import app.thaw.review.domain.ReviewCase;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;

/** The therapist's clinical work on an open case: the risk review, notes and dated corrections of answers. */
@Service
@Transactional
public class CaseWorkService {

    private final CaseLocks locks;
    private final CaseNoteRepository notes;
    private final SubmittedIntakes intakes;
    private final CaseSetup setup;
    private final ReviewStart reviewStart;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final Clock clock;

    CaseWorkService(CaseLocks locks, CaseNoteRepository notes, SubmittedIntakes intakes, CaseSetup setup,
                    ReviewStart reviewStart, AuditLog auditLog, CurrentUser currentUser, Clock clock) {
        this.locks = locks;
        this.notes = notes;
        this.intakes = intakes;
        this.setup = setup;
        this.reviewStart = reviewStart;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The therapist has read the risk answers and decided what to do now; unlocks the case and takes it on. */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public void acknowledgeRisk(IntakeId intakeId, String note) {
        String text = note == null ? "" : note.strip();
        CaseActionRefused.refuseUnstorable(text);
        if (text.isEmpty() || text.length() > ReviewCase.ACKNOWLEDGEMENT_NOTE_MAX) {
            throw new CaseActionRefused("Please write a short note of what you decided (up to "
                    + ReviewCase.ACKNOWLEDGEMENT_NOTE_MAX + " characters).");
        }
        CaseLocks.Locked locked = locks.require(intakeId.value(), CaseOperation.CHANGE_CLINICAL);
        ReviewCase reviewCase = locked.reviewCase();
        if (reviewCase.isRiskAcknowledged()) {
            // the first review stays on record as it was made; anything new belongs in a clinical note
            throw new CaseActionRefused("The risk has already been reviewed. Please add anything new as a note.");
        }
        StaffUser me = currentUser.require();
        reviewCase.acknowledgeRisk(me.id(), text, clock.instant());
        auditLog.record(AuditAction.RISK_ACKNOWLEDGED, intakeId.value(), locked.grant().reference(), null);
        if (reviewCase.getAssignedTherapistId() == null) {
            setup.assignCouple(locked.grant(), me.id(), "Assigned to " + me.displayName() + " (reviewed the risk)");
        }
        reviewStart.start(locked.grant());
    }

    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public void addNote(IntakeId intakeId, String body) {
        String text = body == null ? "" : body.strip();
        CaseActionRefused.refuseUnstorable(text);
        if (text.isEmpty() || text.length() > CaseNote.BODY_MAX) {
            throw new CaseActionRefused("A note needs some text, up to " + CaseNote.BODY_MAX + " characters.");
        }
        CaseLocks.Locked locked = locks.requireUnlocked(intakeId.value(), CaseOperation.CHANGE_CLINICAL);
        notes.save(new CaseNote(intakeId.value(), currentUser.require().id(), text, clock.instant()));
        auditLog.record(AuditAction.NOTE_ADDED, intakeId.value(), locked.grant().reference(), null);
    }

    /**
     * Corrects one answer (say, a new phone number) as a dated, signed amendment; the answers as submitted
     * stay untouched. Returns the message for the field when the new answer isn't valid.
     */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public Optional<String> amendAnswer(IntakeId intakeId, String itemId, List<String> values, String reason) {
        CaseLocks.Locked locked = locks.requireUnlocked(intakeId.value(), CaseOperation.CHANGE_CLINICAL);
        Optional<String> problem = intakes.amend(locked.grant(), itemId, values, reason);
        if (problem.isEmpty()) {
            auditLog.record(AuditAction.ANSWER_AMENDED, intakeId.value(), locked.grant().reference(),
                    "Question " + itemId);
        }
        return problem;
    }
}
