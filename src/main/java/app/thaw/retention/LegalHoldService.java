package app.thaw.retention;

import java.time.Clock;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.CaseReference;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.intake.ErasureSubject;
import app.thaw.intake.IntakeErasure;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;

/**
 * Legal holds: while one is set, neither an erasure request nor the retention job touches the client's record.
 * Setting and clearing are audited; the reason stays in the hold's own record, since it may name people.
 */
@Service
public class LegalHoldService {

    private final LegalHolds holds;
    private final ClientEraser eraser;
    private final IntakeErasure intakeLocks;
    private final CaseAccess access;
    private final AuditLog auditLog;
    private final StaffAccountService staff;
    private final CurrentUser currentUser;
    private final Clock clock;

    LegalHoldService(LegalHolds holds, ClientEraser eraser, IntakeErasure intakeLocks, CaseAccess access,
                     AuditLog auditLog, StaffAccountService staff, CurrentUser currentUser, Clock clock) {
        this.holds = holds;
        this.eraser = eraser;
        this.intakeLocks = intakeLocks;
        this.access = access;
        this.auditLog = auditLog;
        this.staff = staff;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public Optional<LegalHold> current(CaseReference reference) {
        return access.find(reference.value(), CaseOperation.MANAGE_PRIVACY).flatMap(grant ->
                holds.current(grant.intakeId(), grant.reference(), staff.displayNames()));
    }

    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public LegalHoldResult set(CaseReference reference, String reason) {
        String why = clean(reason);
        if (why == null) {
            return reasonMissing("Please say why the record must be kept (up to " + ErasureService.REASON_MAX
                    + " characters).");
        }
        ErasureSubject subject = lock(reference).orElse(null);
        if (subject == null) {
            return notFound();
        }
        if (holds.isHeld(subject.intakeId())) {
            return new LegalHoldResult(LegalHoldResult.Outcome.ALREADY_HELD,
                    subject.reference() + " is already under a legal hold.");
        }
        // a hold on an erased record would promise to keep what is already gone
        if (eraser.isErased(subject.intakeId())) {
            return new LegalHoldResult(LegalHoldResult.Outcome.NOT_FOUND,
                    subject.reference() + " was erased; there is nothing left to hold.");
        }
        holds.set(subject.intakeId(), why, currentUser.require().id(), clock.instant());
        auditLog.record(AuditAction.LEGAL_HOLD_SET, subject.intakeId(), subject.reference(), null);
        return new LegalHoldResult(LegalHoldResult.Outcome.SET, subject.reference()
                + " is under a legal hold: it will not be erased, on request or by the retention policy.");
    }

    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public LegalHoldResult clear(CaseReference reference, String reason) {
        String why = clean(reason);
        if (why == null) {
            return reasonMissing("Please say why the hold is no longer needed (up to " + ErasureService.REASON_MAX
                    + " characters).");
        }
        ErasureSubject subject = lock(reference).orElse(null);
        if (subject == null) {
            return notFound();
        }
        if (!holds.isHeld(subject.intakeId())) {
            return new LegalHoldResult(LegalHoldResult.Outcome.NOT_HELD,
                    subject.reference() + " is not under a legal hold.");
        }
        holds.clear(subject.intakeId(), why, currentUser.require().id(), clock.instant());
        auditLog.record(AuditAction.LEGAL_HOLD_CLEARED, subject.intakeId(), subject.reference(), null);
        return new LegalHoldResult(LegalHoldResult.Outcome.CLEARED, "The legal hold on " + subject.reference()
                + " is cleared; the retention policy applies again.");
    }

    private Optional<ErasureSubject> lock(CaseReference reference) {
        return access.find(reference.value(), CaseOperation.MANAGE_PRIVACY).flatMap(intakeLocks::lock);
    }

    private static @Nullable String clean(@Nullable String reason) {
        String why = reason == null ? "" : reason.strip();
        // text PostgreSQL can't keep exactly (NUL, broken surrogates) counts as no usable reason
        return why.isEmpty() || why.length() > ErasureService.REASON_MAX
                || !app.thaw.base.domain.StorableText.isStorable(why) ? null : why;
    }

    private static LegalHoldResult reasonMissing(String message) {
        return new LegalHoldResult(LegalHoldResult.Outcome.REASON_MISSING, message);
    }

    private static LegalHoldResult notFound() {
        return new LegalHoldResult(LegalHoldResult.Outcome.NOT_FOUND, "There is no client with that reference.");
    }
}
