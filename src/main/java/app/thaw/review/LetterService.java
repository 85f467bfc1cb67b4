package app.thaw.review;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.IntakeId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.SubmittedIntake;
import app.thaw.review.domain.Referral;
import app.thaw.review.domain.ReferralRepository;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;

/** The GP letter an outside referral produces, as a PDF. */
@Service
@Transactional
public class LetterService {

    private final CaseLocks locks;
    private final ReferralRepository referrals;
    private final ReferralLetters letters;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;

    LetterService(CaseLocks locks, ReferralRepository referrals, ReferralLetters letters, AuditLog auditLog,
                  CurrentUser currentUser) {
        this.locks = locks;
        this.referrals = referrals;
        this.letters = letters;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
    }

    /** The letter for the current outside referral; downloading it is a read of clinical content, so it is audited. */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.DOWNLOAD_LETTER)
    public ReferralLetterFile referralLetter(IntakeId intakeId) {
        CaseLocks.Locked locked = locks.requireUnlocked(intakeId.value(), CaseOperation.DOWNLOAD_LETTER);
        SubmittedIntake intake = locked.intake();
        Referral current = referrals.findByIntakeIdOrderByDecidedAtDescIdDesc(intakeId.value()).stream().findFirst()
                .filter(referral -> referral.getKind().isOutside())
                .orElseThrow(() -> new CaseActionRefused("Record an outside referral first."));
        auditLog.record(AuditAction.LETTER_DOWNLOADED, intakeId.value(), intake.reference(), current.getKind().label());
        return letters.render(intake, current.getKind(), current.getReason(), currentUser.require());
    }
}
